import type { Expr } from "./expression/ast";

/** A metric as the engine uses it. */
export interface MetricDef {
  id: string;
  label: string;
  start: number;
  min: number;
  max: number;
  unit: string;
  hidden: boolean;
  description: string;
  decimals: number;
}

/** A flag as the engine uses it. */
export interface FlagDef {
  id: string;
  label: string;
  start: boolean;
}

/** A change to one metric: a parsed expression, usually a plain number. */
export interface MetricChange {
  metric: string;
  expr: Expr;
}

/** Immediate consequences: metric changes, flags set, modifiers started and ended. */
export interface Effects {
  metrics: MetricChange[];
  set: { flag: string; value: boolean }[];
  add: string[];
  remove: string[];
}

/** A named ongoing effect with weekly flows. */
export interface ModifierDef {
  id: string;
  label: string;
  description: string;
  flows: MetricChange[];
  /** Lifetime in weeks, or null for "until removed". */
  weeks: number | null;
}

/** One chance result of a choice. */
export interface OutcomeDef {
  chance: number;
  goto: string;
  effects: Effects;
  text: string;
}

/** An intervention the player can pick at a node. */
export interface ChoiceDef {
  id: string;
  label: string;
  weeks: number;
  requires: Expr | null;
  requiresSource: string;
  requiresText: string;
  effects: Effects;
  /** The chance outcomes; a plain `goto` compiles to one outcome of chance 1. */
  outcomes: OutcomeDef[];
  debrief: string;
  real: boolean;
}

/** A decision point. */
export interface NodeDef {
  id: string;
  title: string;
  text: string;
  facilitator: string;
  choices: ChoiceDef[];
}

/** An interruption checked every week. */
export interface EventDef {
  id: string;
  title: string;
  text: string;
  when: Expr | null;
  chancePerWeek: number;
  once: boolean;
  effects: Effects;
  goto: string | null;
}

/** How a run can end. */
export interface EndingDef {
  id: string;
  title: string;
  text: string;
  when: Expr | null;
  rating: number;
  real: boolean;
}

/** How the world view draws the organisation: groups, silo walls and queues with their conditions. */
export interface WorldDef {
  groups: { id: string; label: string; kind: string }[];
  walls: { around: string[]; when: Expr; label: string }[];
  queues: { at: string; label: string; when: Expr }[];
}

/** A validated, compiled scenario: plain data the simulation runs on. Lookups by id use null-prototype records. */
export interface Scenario {
  id: string;
  version: number;
  format: number;
  title: string;
  summary: string;
  minutes: number;
  objectives: string[];
  source: string;
  discussion: string[];
  glossary: Record<string, string>;
  metrics: MetricDef[];
  flags: FlagDef[];
  flows: MetricChange[];
  modifiers: Record<string, ModifierDef>;
  start: string;
  nodes: Record<string, NodeDef>;
  /** In file order, which is the order they are checked each week. */
  events: EventDef[];
  endings: Record<string, EndingDef>;
  /** Endings with a `when`, in file order, which is the order they are checked. */
  conditionalEndings: EndingDef[];
  /** Null when the file has no `world` block; views then draw a default organisation. */
  world: WorldDef | null;
}

/** A record whose lookups never reach Object.prototype (so an id such as "constructor" is just a missing key). */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Own-property lookup, safe for ids that come from saves, links or user input. */
export function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
