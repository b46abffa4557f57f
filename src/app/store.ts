import { createStore, type StoreApi } from "zustand/vanilla";
import type { RunState, Scenario } from "../engine/index";
import type { BundledScenario } from "./bundled-scenarios";
import type { DiscoveredEndings } from "./profile-repository";
import type { SaveRecord } from "./save-format";
import type { SetAsideSave } from "./save-repository";
import { defaultSettings, type Settings } from "./settings";

/** Which screen is showing. The play screen shows the ending and debrief once the run is over. */
export type Screen =
  | { kind: "loading" }
  | { kind: "title" }
  | { kind: "play" }
  | { kind: "not-found"; message: string };

/** The run being played: a read model of the XState actor's snapshot, plus what the player has not yet seen. */
export interface ActiveRun {
  runId: string;
  scenario: Scenario;
  /** The actor's context, exactly as the engine produced it. */
  state: RunState;
  /** Events of the last step whose cards the player has not dismissed yet. */
  pendingEvents: string[];
}

/** Everything the views read. Only the session writes it. */
export interface AppState {
  library: BundledScenario[];
  screen: Screen;
  run: ActiveRun | null;
  saves: SaveRecord[];
  setAside: SetAsideSave[];
  settings: Settings;
  discovered: DiscoveredEndings;
  /** The latest sentence for screen readers (the live region). */
  announcement: string;
  /** A message about something that went wrong but did not stop the game (e.g. a save that failed). */
  notice: string | null;
  /** The last run written to storage, and how many choices it had then (for the "Saved" mark). */
  saved: { runId: string; choices: number } | null;
  /** Saves started and not yet finished. */
  saving: number;
}

/** The app's store; the session owns it. */
export type AppStore = StoreApi<AppState>;

/** A store in its loading state. */
export function createAppStore(library: BundledScenario[]): AppStore {
  return createStore<AppState>(() => ({
    library,
    screen: { kind: "loading" },
    run: null,
    saves: [],
    setAside: [],
    settings: defaultSettings(),
    discovered: Object.create(null) as DiscoveredEndings,
    announcement: "",
    notice: null,
    saved: null,
    saving: 0,
  }));
}
