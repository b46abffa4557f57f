/** A modifier in force, with the weeks it has left (null: until removed). */
export interface ActiveModifier {
  id: string;
  weeksLeft: number | null;
}

/** The state of every metric at the end of one simulated week (week 0 is the start). */
export interface WeekPoint {
  week: number;
  metrics: Record<string, number>;
}

/** One thing that happened in a run, in order. */
export type LogEntry =
  | { kind: "arrive"; week: number; node: string }
  | { kind: "choice"; week: number; node: string; choice: string; outcome: number; weeks: number }
  | { kind: "event"; week: number; event: string }
  | { kind: "ending"; week: number; ending: string }
  | { kind: "stuck"; week: number; node: string };

/** Why a metric moved during a step: the choice, its outcome, a weekly flow, a modifier or an event. */
export interface Cause {
  source: "choice" | "outcome" | "flow" | "modifier" | "event";
  /** The choice, modifier or event id; "flows" for the scenario's own weekly flows. */
  id: string;
  metric: string;
  delta: number;
}

/** A cause with the simulated week it applied in. */
export type TimedCause = Cause & { week: number };

/** What the last choice did, for "what changed and why". */
export interface StepReport {
  node: string;
  choice: string;
  outcomeText: string;
  weeks: number;
  before: Record<string, number>;
  after: Record<string, number>;
  causes: Cause[];
  /** The same causes one by one, each with the week it applied in (the choice's own effects: the week it was made). */
  weekly: TimedCause[];
  events: string[];
}

/** Everything needed to draw a debrief: the metrics week by week and the log of choices, events and the ending. */
export interface RunHistory {
  points: WeekPoint[];
  log: LogEntry[];
}

/** Where a run is: deciding at a node, ended at an ending, or stuck at a node where no choice is available. */
export type RunStatus = "deciding" | "ended" | "stuck";

/**
 * The complete state of a run: plain JSON, so it is the XState context, the persisted snapshot and a save.
 * `(scenarioId, scenarioVersion, seed, choices)` is enough to rebuild it.
 */
export interface RunState {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  rng: number;
  week: number;
  metrics: Record<string, number>;
  flags: Record<string, boolean>;
  modifiers: ActiveModifier[];
  at: string;
  status: RunStatus;
  ending: string | null;
  visited: string[];
  firedEvents: string[];
  choices: string[];
  history: RunHistory;
  lastStep: StepReport | null;
}
