import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  choicesAt,
  choose,
  loadScenario,
  type RunState,
  type Scenario,
  startRun,
} from "../../src/engine/index";

/** The scenarios written for issue 6, by file name (the id matches the name). */
export const SCENARIO_NAMES = [
  "tutorial-first-week",
  "phoenix-silo",
  "firewall-delays",
  "the-trust-gap",
  "a-false-start",
] as const;

const root = join(import.meta.dirname, "..", "..");

/** Reads and loads `scenarios/<name>.yaml`; throws with every diagnostic if it does not load. */
export function loadNamed(name: string): { scenario: Scenario; diagnostics: string[] } {
  const file = join(root, "scenarios", `${name}.yaml`);
  const result = loadScenario(file, readFileSync(file, "utf8"));
  const diagnostics = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
  if (!result.ok) throw new Error(`${name} does not load:\n${diagnostics.join("\n")}`);
  return { scenario: result.scenario, diagnostics };
}

/**
 * Plays a run that always takes the choice marked `real` at the current node. Fails if a node the real path
 * reaches has no real choice, or more than one, or if the real choice is not available.
 */
export function playRealPath(scenario: Scenario, seed: number): RunState {
  let state = startRun(scenario, seed);
  for (let step = 0; state.status === "deciding"; step++) {
    if (step > 200) throw new Error("the real path does not end");
    const real = choicesAt(scenario, state).filter((v) => v.choice.real);
    if (real.length !== 1) throw new Error(`node "${state.at}" has ${real.length} real choices`);
    const view = real[0]!;
    if (!view.available) throw new Error(`the real choice at "${state.at}" is unavailable: ${view.reason}`);
    const next = choose(scenario, state, view.choice.id, { record: false });
    if (!next.ok) throw new Error(next.reason);
    state = next.state;
  }
  return state;
}

/**
 * Plays the real path, except at the nodes listed in `overrides`, where it takes the given choice instead.
 * Nodes the real path never reaches need no real choice as long as they are overridden.
 */
export function playWith(scenario: Scenario, seed: number, overrides: Record<string, string>): RunState {
  let state = startRun(scenario, seed);
  for (let step = 0; state.status === "deciding"; step++) {
    if (step > 200) throw new Error("the path does not end");
    const id = overrides[state.at] ?? choicesAt(scenario, state).find((v) => v.choice.real)?.choice.id;
    if (id === undefined) throw new Error(`node "${state.at}" has no real choice and no override`);
    const next = choose(scenario, state, id, { record: false });
    if (!next.ok) throw new Error(`at "${state.at}": ${next.reason}`);
    state = next.state;
  }
  return state;
}
