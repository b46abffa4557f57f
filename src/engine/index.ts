/** The engine's public API: pure TypeScript that runs the same in node and in the browser. */
export { type AnalysisReport, type AnalyzeOptions, analyzeScenario, playRandomRun } from "./analyze";
export { type Diagnostic, formatDiagnostic, hasErrors, type Severity } from "./diagnostics";
export { FORMAT_VERSION, scenarioJsonSchema } from "./format";
export { type LoadResult, loadScenario } from "./load";
export {
  createRunMachine,
  type RunActor,
  type RunEvent,
  type RunMachine,
  type RunSnapshot,
  restoreRunActor,
  startRunActor,
  startRunActorAt,
} from "./machine";
export type * from "./model";
export { dict, lookup } from "./model";
export { type ReplayResult, type RunTriple, replay, tripleOf } from "./replay";
export { randomSeed } from "./rng";
export type * from "./run-state";
export {
  type ChoiceView,
  canChoose,
  choicesAt,
  choose,
  type PlayTestStart,
  startRun,
  startRunAt,
} from "./simulation";
export { MAX_FILE_BYTES as MAX_SCENARIO_BYTES } from "./source";
