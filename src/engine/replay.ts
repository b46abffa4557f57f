import type { Scenario } from "./model";
import type { RunState } from "./run-state";
import { choose, type StepOptions, startRun } from "./simulation";

/** The reproducible identity of a run: a scenario, a seed and the choices made, in order. */
export interface RunTriple {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  choices: string[];
}

/** The result of a replay: the state reached, or where and why the choices stopped applying. */
export type ReplayResult =
  | { ok: true; state: RunState }
  | { ok: false; state: RunState; failedAt: number; reason: string };

/** Rebuilds a run from its seed and choices; used by saves, rewind, exports and workshop comparisons. */
export function replay(
  scenario: Scenario,
  seed: number,
  choices: readonly string[],
  options: StepOptions = {},
): ReplayResult {
  let state = startRun(scenario, seed);
  for (let i = 0; i < choices.length; i++) {
    const result = choose(scenario, state, choices[i]!, options);
    if (!result.ok) return { ok: false, state, failedAt: i, reason: result.reason };
    state = result.state;
  }
  return { ok: true, state };
}

/** The triple of a run state. */
export function tripleOf(state: RunState): RunTriple {
  return {
    scenarioId: state.scenarioId,
    scenarioVersion: state.scenarioVersion,
    seed: state.seed,
    choices: [...state.choices],
  };
}
