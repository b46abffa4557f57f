import { useEffect, useRef } from "preact/hooks";
import type { AppState } from "../app/store";
import { SavedRuns } from "./saved-runs";
import { ScenarioCard } from "./scenario-card";
import { SetAsideSaves } from "./set-aside-saves";
import { SettingsPanel } from "./settings-panel";

/** The first screen: the scenarios, saved runs to continue, and settings. */
export function TitleScreen({ state }: { state: AppState }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Coming back from a run: start reading from the top, not from wherever the old screen's focus was.
  useEffect(() => heading.current?.focus(), []);
  return (
    <main class="screen title-screen">
      <header class="title-header">
        <h1 ref={heading} tabIndex={-1}>
          Change Is Hard
        </h1>
        <p class="tagline">
          You are the change agent. Real engagement stories, your interventions, and the weeks they cost.
        </p>
      </header>
      <SetAsideSaves setAside={state.setAside} />
      <SavedRuns saves={state.saves} />
      <section aria-labelledby="scenarios-heading">
        <h2 id="scenarios-heading">Scenarios</h2>
        <ul class="scenario-list" aria-label="Scenarios">
          {state.library.map((entry) => (
            <ScenarioCard key={entry.file} entry={entry} />
          ))}
        </ul>
      </section>
      <p class="coming">
        Facilitating a room of teams? <a href="#/workshop">Run a workshop</a>. Your own engagement story?{" "}
        <a href="#/author">Write a scenario</a>.
      </p>
      <SettingsPanel settings={state.settings} />
    </main>
  );
}
