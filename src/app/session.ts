import {
  createRunMachine,
  lookup,
  type RunActor,
  type RunMachine,
  type RunState,
  randomSeed,
  replay,
  type Scenario,
  startRunActor,
  tripleOf,
} from "../engine/index";
import { describeStep, whereNow } from "./announce";
import type { BundledScenario } from "./bundled-scenarios";
import type { ProfileRepository } from "./profile-repository";
import type { Route } from "./route";
import { SAVE_FORMAT, type SaveRecord } from "./save-format";
import type { SaveRepository } from "./save-repository";
import { defaultSettings, type Settings } from "./settings";
import { type AppStore, createAppStore } from "./store";

/** What a session needs from outside; tests pass their own seeds, ids and clock. */
export interface SessionDeps {
  library: BundledScenario[];
  /** The full library (bundled and published), read while the session starts; replaces `library` when it comes. */
  fullLibrary?: () => Promise<BundledScenario[]>;
  saves: SaveRepository;
  profile: ProfileRepository;
  newSeed?: () => number;
  newRunId?: () => string;
  now?: () => Date;
  prefersReducedMotion?: boolean;
}

/**
 * Session control: owns the running XState actor, mirrors its snapshots into the store, and saves after every
 * choice. Views call these methods and read the store; consequences come only from the engine.
 */
export class GameSession {
  readonly store: AppStore;
  private actor: RunActor | null = null;
  private unsubscribe: (() => void) | null = null;
  private createdAt = "";
  private readonly machines = new Map<string, RunMachine>();
  private writes: Promise<void> = Promise.resolve();
  private readonly newSeed: () => number;
  private readonly newRunId: () => string;
  private readonly now: () => Date;
  private library: BundledScenario[];

  constructor(private readonly deps: SessionDeps) {
    this.library = deps.library;
    this.store = createAppStore(deps.library);
    this.newSeed = deps.newSeed ?? randomSeed;
    this.newRunId = deps.newRunId ?? defaultRunId;
    this.now = deps.now ?? (() => new Date());
  }

  /** Loads settings, discovered endings and saved runs; saves that no longer replay are set aside. */
  async init(): Promise<void> {
    const defaults = defaultSettings(this.deps.prefersReducedMotion ?? false);
    // The profile and the saves live in separate databases: open them together, not one after the other.
    const profile = Promise.all([
      this.deps.profile.loadSettings(defaults).catch(() => defaults),
      this.deps.profile.loadDiscovered().catch(() => Object.create(null)),
    ]).then(([settings, discovered]) => this.store.setState({ settings, discovered }));
    // Saves are checked against the full library (a run of a published scenario must replay), so they wait for it.
    const saves = (this.deps.fullLibrary?.() ?? Promise.resolve(this.library))
      .catch(() => this.library)
      .then((library) => {
        this.library = library;
        this.store.setState({ library });
        return this.refreshSaves(true);
      });
    await Promise.all([profile, saves]);
  }

  /** The scenario with this id, if it loaded. */
  scenario(id: string): Scenario | undefined {
    for (const entry of this.library) if (entry.ok && entry.scenario.id === id) return entry.scenario;
    return undefined;
  }

  /** Opens what an address asks for: the title, a new run of a scenario, or a saved run. */
  async open(route: Route): Promise<void> {
    if (route.kind === "title") {
      this.showTitle();
      return;
    }
    const scenario = this.scenario(route.scenarioId);
    if (!scenario) {
      this.stopRun();
      this.store.setState({
        screen: {
          kind: "not-found",
          message: `There is no scenario with the id "${route.scenarioId}". Pick one from the list instead.`,
        },
      });
      return;
    }
    if (route.runId === null) {
      await this.startNew(scenario.id, route.seed);
      return;
    }
    if (this.store.getState().run?.runId === route.runId) {
      this.store.setState({ screen: { kind: "play" } });
      return;
    }
    await this.resume(route.runId);
  }

  /** Shows the title screen (the run stays saved). */
  showTitle(): void {
    this.stopRun();
    this.store.setState({ screen: { kind: "title" }, run: null });
    void this.refreshSaves(false);
  }

  /** Starts a new run of a scenario (with a fresh seed unless one is given), and saves it at once. */
  async startNew(scenarioId: string, seed: number = this.newSeed()): Promise<void> {
    const scenario = this.scenario(scenarioId);
    if (!scenario) throw new Error(`unknown scenario ${scenarioId}`);
    this.createdAt = this.now().toISOString();
    this.attach(this.newRunId(), scenario, startRunActor(this.machine(scenario), seed));
    await this.save();
  }

  /** Resumes a saved run, rebuilt by replaying its seed and choices; one that does not replay is set aside. */
  async resume(runId: string): Promise<void> {
    const record = await this.deps.saves.get(runId).catch(() => null);
    if (!record) {
      this.stopRun();
      await this.refreshSaves(false);
      this.store.setState({
        screen: {
          kind: "not-found",
          message: "That saved run is not here any more. Pick a scenario or another save.",
        },
        run: null,
      });
      return;
    }
    const problem = this.replayProblem(record);
    const scenario = this.scenario(record.scenarioId);
    if (problem || !scenario) {
      await this.deps.saves.setAside(record.id, problem ?? "its scenario is missing");
      await this.refreshSaves(false);
      this.stopRun();
      this.store.setState({
        screen: {
          kind: "not-found",
          message: `That saved run could not be resumed: ${problem}. It was set aside.`,
        },
        run: null,
      });
      return;
    }
    this.createdAt = record.createdAt;
    this.attach(record.id, scenario, this.rebuild(scenario, record.seed, record.choices));
    // An event card that was showing when the page closed shows again: the run resumes exactly where it was.
    const run = this.store.getState().run;
    const pending = (record.pendingEvents ?? []).filter((id) => run?.state.lastStep?.events.includes(id));
    if (run && pending.length > 0) this.store.setState({ run: { ...run, pendingEvents: pending } });
  }

  /** Picks a choice: the engine's actor decides what happens; the snapshot comes back through the store. */
  choose(choiceId: string): void {
    this.actor?.send({ type: "player.choose", choiceId });
  }

  /** Dismisses the event cards of the last step. */
  acknowledgeEvents(): void {
    const run = this.store.getState().run;
    if (!run || run.pendingEvents.length === 0) return;
    this.store.setState({
      run: { ...run, pendingEvents: [] },
      announcement: whereNow(run.scenario, run.state),
    });
    // Saved, so a reload does not show the dismissed cards again.
    void this.save();
  }

  /** Rewinds the run to just before decision `index` (0 is the first), rebuilt from the seed and the choices before it. */
  async rewind(index: number): Promise<void> {
    const run = this.store.getState().run;
    if (!run) return;
    const prefix = run.state.choices.slice(0, Math.max(0, index));
    this.attach(run.runId, run.scenario, this.rebuild(run.scenario, run.state.seed, prefix));
    this.store.setState({
      announcement: `Rewound to decision ${prefix.length + 1}, week ${this.store.getState().run?.state.week ?? 0}. ${whereNow(run.scenario, this.store.getState().run!.state)}`,
    });
    await this.save();
  }

  /** A new run of the same scenario. */
  async playAgain(): Promise<void> {
    const run = this.store.getState().run;
    if (run) await this.startNew(run.scenario.id);
  }

  async deleteSave(id: string): Promise<void> {
    await this.deps.saves.remove(id);
    await this.refreshSaves(false);
  }

  async dismissSetAside(id: string): Promise<void> {
    await this.deps.saves.removeSetAside(id);
    await this.refreshSaves(false);
  }

  async updateSettings(change: Partial<Settings>): Promise<void> {
    const settings = { ...this.store.getState().settings, ...change };
    this.store.setState({ settings });
    await this.track(this.deps.profile.saveSettings(settings), "Your settings could not be saved");
    // Said once the write is done, so nobody (and no test) reloads before the setting is kept.
    if (this.store.getState().settings === settings) {
      this.store.setState({ announcement: `Settings saved: ${describeSettings(settings)}.` });
    }
  }

  /** Waits for every pending write (saves, discovered endings). */
  flush(): Promise<void> {
    return this.writes;
  }

  /** Stops the running actor; the store keeps nothing of it. */
  dispose(): void {
    this.stopRun();
  }

  private machine(scenario: Scenario): RunMachine {
    let machine = this.machines.get(scenario.id);
    if (!machine) {
      machine = createRunMachine(scenario);
      this.machines.set(scenario.id, machine);
    }
    return machine;
  }

  /** Why a save no longer replays against the bundled scenario, or null when it does. */
  private replayProblem(record: SaveRecord): string | null {
    const scenario = this.scenario(record.scenarioId);
    if (!scenario) return `its scenario "${record.scenarioId}" is no longer available`;
    const result = replay(scenario, record.seed, record.choices, { record: false });
    if (result.ok) return null;
    const versions =
      scenario.version === record.scenarioVersion
        ? ""
        : ` (it was made with version ${record.scenarioVersion} of the scenario; this is version ${scenario.version})`;
    return `choice ${result.failedAt + 1} of "${scenario.title}" no longer applies: ${result.reason}${versions}`;
  }

  /** A fresh actor driven through the given choices: the same step function rebuilds the same run. */
  private rebuild(scenario: Scenario, seed: number, choices: readonly string[]): RunActor {
    const check = replay(scenario, seed, choices, { record: false });
    if (!check.ok) throw new Error(`the run does not replay: ${check.reason}`);
    const actor = startRunActor(this.machine(scenario), seed);
    for (const choiceId of choices) actor.send({ type: "player.choose", choiceId });
    return actor;
  }

  private attach(runId: string, scenario: Scenario, actor: RunActor): void {
    this.stopRun();
    this.actor = actor;
    const state = actor.getSnapshot().context;
    this.store.setState({
      screen: { kind: "play" },
      run: { runId, scenario, state, pendingEvents: [] },
      announcement: `${scenario.title}, week ${state.week}. ${whereNow(scenario, state)}`,
    });
    const sub = actor.subscribe((snapshot) => this.onSnapshot(actor, snapshot.context));
    this.unsubscribe = () => sub.unsubscribe();
  }

  private onSnapshot(actor: RunActor, state: RunState): void {
    const run = this.store.getState().run;
    if (actor !== this.actor || !run || run.state === state) return;
    const stepped = state.choices.length > run.state.choices.length;
    this.store.setState({
      run: { ...run, state, pendingEvents: stepped ? [...(state.lastStep?.events ?? [])] : [] },
      announcement: describeStep(run.scenario, state),
    });
    if (stepped) void this.save();
    if (state.status === "ended" && state.ending) this.discover(run.scenario.id, state.ending);
  }

  private discover(scenarioId: string, endingId: string): void {
    const { discovered } = this.store.getState();
    const known = discovered[scenarioId] ?? [];
    if (known.includes(endingId)) return;
    const next = { ...discovered, [scenarioId]: [...known, endingId] };
    this.store.setState({ discovered: next });
    void this.track(this.deps.profile.saveDiscovered(next), "The endings you found could not be saved");
  }

  /** Autosave: the triple plus what the list shows. */
  private save(): Promise<void> {
    const run = this.store.getState().run;
    if (!run) return this.writes;
    const state = run.state;
    const record: SaveRecord = {
      saveFormat: SAVE_FORMAT,
      id: run.runId,
      ...tripleOf(state),
      scenarioTitle: run.scenario.title,
      week: state.week,
      status: state.status,
      createdAt: this.createdAt || this.now().toISOString(),
      updatedAt: this.now().toISOString(),
      pendingEvents: [...run.pendingEvents],
    };
    const saves = [record, ...this.store.getState().saves.filter((s) => s.id !== record.id)];
    this.store.setState({ saves });
    this.store.setState({ saving: this.store.getState().saving + 1 });
    const write = this.deps.saves
      .put(record)
      .then(() => this.store.setState({ saved: { runId: record.id, choices: record.choices.length } }))
      .finally(() => this.store.setState({ saving: this.store.getState().saving - 1 }));
    return this.track(write, "This run could not be saved");
  }

  private track(write: Promise<void>, failure: string): Promise<void> {
    this.writes = this.writes
      .then(() => write)
      .catch((e: unknown) => {
        this.store.setState({ notice: `${failure}: ${(e as Error)?.message ?? String(e)}` });
      });
    return this.writes;
  }

  private async refreshSaves(validate: boolean): Promise<void> {
    await this.writes;
    let listing: Awaited<ReturnType<SaveRepository["list"]>>;
    try {
      listing = await this.deps.saves.list();
    } catch (e) {
      this.store.setState({ notice: `Saved runs could not be read: ${(e as Error)?.message ?? String(e)}` });
      return;
    }
    if (validate) {
      let changed = false;
      for (const record of listing.saves) {
        const problem = this.replayProblem(record);
        if (problem) {
          await this.deps.saves.setAside(record.id, problem);
          changed = true;
        }
      }
      if (changed) listing = await this.deps.saves.list();
    }
    this.store.setState({ saves: listing.saves, setAside: listing.setAside });
  }

  private stopRun(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.actor?.stop();
    this.actor = null;
  }
}

/** Settings as a sentence for the live region. */
export function describeSettings(settings: Settings): string {
  const reveal =
    settings.reveal === "after-each-choice"
      ? "what really happened after each choice"
      : "what really happened only in the debrief";
  const text = settings.textSize === "normal" ? "normal text" : `${settings.textSize} text`;
  return `${reveal}, reduced motion ${settings.reducedMotion ? "on" : "off"}, ${text}`;
}

function defaultRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}

/** The title of the ending a run reached, or null. */
export function endingTitle(scenario: Scenario, state: RunState): string | null {
  return state.ending ? (lookup(scenario.endings, state.ending)?.title ?? state.ending) : null;
}
