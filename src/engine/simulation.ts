import { compileExpression, type Evaluator, evaluateCondition, evaluateNumber } from "./expression/evaluate";
import {
  type ChoiceDef,
  type Effects,
  type EventDef,
  lookup,
  type MetricChange,
  type Scenario,
} from "./model";
import { nextRandom, seedState } from "./rng";
import type { Cause, RunState, TimedCause } from "./run-state";

/** Options for the step functions; the analyzer turns recording off to run faster. */
export interface StepOptions {
  /** Keep the week-by-week history, the log and the step report (default true). */
  record?: boolean;
}

/** A choice as the player sees it at the current node: available, or not and why. */
export interface ChoiceView {
  choice: ChoiceDef;
  available: boolean;
  reason: string;
}

/** Why a choice was refused. */
export type ChooseResult = { ok: true; state: RunState } | { ok: false; reason: string };

/** The state of a new run of `scenario` with `seed`, at the start node, week 0. */
export function startRun(scenario: Scenario, seed: number): RunState {
  const metrics: Record<string, number> = {};
  for (const m of scenario.metrics) metrics[m.id] = clamp(m.start, m.min, m.max);
  const flags: Record<string, boolean> = {};
  for (const f of scenario.flags) flags[f.id] = f.start;
  const state: RunState = {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed,
    rng: seedState(seed),
    week: 0,
    metrics,
    flags,
    modifiers: [],
    at: scenario.start,
    status: "deciding",
    ending: null,
    visited: [],
    firedEvents: [],
    choices: [],
    history: { points: [{ week: 0, metrics: { ...metrics } }], log: [] },
    lastStep: null,
  };
  arrive(scenario, state, scenario.start, true);
  return state;
}

/** Where and how a play-test starts: any node, with chosen metric values and flags. */
export interface PlayTestStart {
  node: string;
  metrics?: Record<string, number>;
  flags?: Record<string, boolean>;
}

/**
 * A run that starts at any node with chosen metrics and flags, for authors play-testing the middle of a story.
 * Unknown metric or flag names and a missing node are refused; values are clamped to the metric's bounds.
 */
export function startRunAt(
  scenario: Scenario,
  seed: number,
  start: PlayTestStart,
): { ok: true; state: RunState } | { ok: false; reason: string } {
  if (!lookup(scenario.nodes, start.node)) return { ok: false, reason: `there is no node "${start.node}"` };
  const state = startRun(scenario, seed);
  for (const [id, value] of Object.entries(start.metrics ?? {})) {
    const def = scenario.metrics.find((m) => m.id === id);
    if (!def) return { ok: false, reason: `there is no metric "${id}"` };
    if (!Number.isFinite(value)) return { ok: false, reason: `${def.label} must be a number` };
    state.metrics[id] = clamp(value, def.min, def.max);
  }
  for (const [id, value] of Object.entries(start.flags ?? {})) {
    if (!scenario.flags.some((f) => f.id === id)) return { ok: false, reason: `there is no flag "${id}"` };
    state.flags[id] = value;
  }
  state.history = { points: [{ week: 0, metrics: { ...state.metrics } }], log: [] };
  state.visited = [];
  state.status = "deciding";
  arrive(scenario, state, start.node, true);
  return { ok: true, state };
}

/** The choices at the run's current node, each marked available or not (with the reason). */
export function choicesAt(scenario: Scenario, state: RunState): ChoiceView[] {
  const node = lookup(scenario.nodes, state.at);
  if (!node || state.status !== "deciding") return [];
  return node.choices.map((choice) => {
    const available = choice.requires === null || evaluateCondition(choice.requires, state);
    const reason = available ? "" : choice.requiresText || `needs ${choice.requiresSource}`;
    return { choice, available, reason };
  });
}

/** True when the choice exists at the current node and its `requires` holds. */
export function canChoose(scenario: Scenario, state: RunState, choiceId: string): boolean {
  return choicesAt(scenario, state).some((v) => v.choice.id === choiceId && v.available);
}

/**
 * The one step function of the rules: applies a choice and simulates its weeks. Pure: returns a new state.
 * Order: the choice's effects; the outcome is drawn; endings are checked; then each week runs (see `simulateWeek`);
 * if no event interrupted, the outcome's effects apply and the run moves to the outcome's target.
 */
export function choose(
  scenario: Scenario,
  state: RunState,
  choiceId: string,
  options: StepOptions = {},
): ChooseResult {
  const refusal = refuse(scenario, state, choiceId);
  if (refusal !== null) return { ok: false, reason: refusal };
  const s = draft(state, options.record !== false);
  chooseInPlace(scenario, s, choiceId, options.record !== false);
  return { ok: true, state: s };
}

/** Why a choice cannot be made now, or null when it can. */
function refuse(scenario: Scenario, state: RunState, choiceId: string): string | null {
  if (state.status !== "deciding") return "the run has already ended";
  const choice = lookup(scenario.nodes, state.at)?.choices.find((c) => c.id === choiceId);
  if (!choice) return `there is no choice "${choiceId}" at node "${state.at}"`;
  if (choice.requires !== null && !evaluateCondition(choice.requires, state)) {
    return `choice "${choiceId}" is not available: ${choice.requiresText || `needs ${choice.requiresSource}`}`;
  }
  return null;
}

/**
 * Like `choose`, but changes `state` itself, for callers that own it (the analyzer's random runs, which
 * would otherwise copy the state at every decision). The choice must be available.
 */
export function chooseMutably(scenario: Scenario, state: RunState, choiceId: string): void {
  const refusal = refuse(scenario, state, choiceId);
  if (refusal !== null) throw new Error(refusal);
  chooseInPlace(scenario, state, choiceId, false);
}

function chooseInPlace(scenario: Scenario, s: RunState, choiceId: string, record: boolean): void {
  const choice = lookup(scenario.nodes, s.at)!.choices.find((c) => c.id === choiceId)!;
  const causes: TimedCause[] | null = record ? [] : null;
  const before = record ? { ...s.metrics } : null;
  const firedBefore = s.firedEvents.length;
  const node = s.at;

  applyEffects(scenario, s, choice.effects, "choice", choice.id, causes);

  let outcomeIndex = 0;
  if (choice.outcomes.length > 1) {
    const draw = nextRandom(s.rng);
    s.rng = draw.state;
    let acc = 0;
    outcomeIndex = choice.outcomes.length - 1;
    for (let i = 0; i < choice.outcomes.length; i++) {
      acc += choice.outcomes[i]!.chance;
      if (draw.value < acc) {
        outcomeIndex = i;
        break;
      }
    }
  }
  const outcome = choice.outcomes[outcomeIndex]!;
  s.choices.push(choice.id);
  if (record)
    s.history.log.push({
      kind: "choice",
      week: s.week,
      node,
      choice: choice.id,
      outcome: outcomeIndex,
      weeks: choice.weeks,
    });

  let interruptedBy: string | null = null;
  if (!checkEndings(scenario, s, record)) {
    for (let w = 0; w < choice.weeks && s.status === "deciding"; w++) {
      interruptedBy = simulateWeek(scenario, s, causes, record);
      if (interruptedBy !== null) break;
    }
  }
  if (s.status === "deciding") {
    if (interruptedBy !== null) arrive(scenario, s, interruptedBy, record);
    else {
      applyEffects(scenario, s, outcome.effects, "outcome", choice.id, causes);
      if (!checkEndings(scenario, s, record)) arrive(scenario, s, outcome.goto, record);
    }
  }
  s.lastStep =
    record && before && causes
      ? {
          node,
          choice: choice.id,
          outcomeText: interruptedBy === null ? outcome.text : "",
          weeks: choice.weeks,
          before,
          after: { ...s.metrics },
          causes: mergeCauses(causes),
          weekly: causes,
          events: s.firedEvents.slice(firedBefore),
        }
      : null;
}

/**
 * One simulated week, in this order: the week advances; every scenario flow and active modifier flow is
 * evaluated against the state at the start of the week and applied together; metrics are clamped; modifier
 * lifetimes tick and expired ones end; the week is recorded; events are checked in file order (effects apply at
 * once; the first with a goto interrupts); finally conditional endings are checked in file order.
 * Returns the target of an interrupting event, if any.
 */
export function simulateWeek(
  scenario: Scenario,
  s: RunState,
  causes: TimedCause[] | null,
  record: boolean,
): string | null {
  const rules = compiledRules(scenario);
  s.week += 1;
  // Every flow reads the state at the start of the week: compute all deltas, then apply them together.
  let n = 0;
  for (const f of rules.flows) {
    scratch.flows[n] = f;
    scratch.deltas[n] = finite(f.fn(s) as number);
    scratch.sources[n++] = "";
  }
  for (const active of s.modifiers) {
    const flows = rules.modifierFlows.get(active.id);
    if (!flows) continue;
    for (const f of flows) {
      scratch.flows[n] = f;
      scratch.deltas[n] = finite(f.fn(s) as number);
      scratch.sources[n++] = active.id;
    }
  }
  for (let i = 0; i < n; i++) {
    const delta = scratch.deltas[i]!;
    if (delta === 0) continue;
    const metric = scratch.flows[i]!.metric;
    s.metrics[metric] = s.metrics[metric]! + delta;
    const id = scratch.sources[i]!;
    causes?.push(
      id === ""
        ? { source: "flow", id: "flows", metric, delta, week: s.week }
        : { source: "modifier", id, metric, delta, week: s.week },
    );
  }
  // Only flowed metrics can have left their bounds; each is clamped once, after all flows have added up.
  for (let i = 0; i < n; i++) {
    if (scratch.deltas[i] === 0) continue;
    const bounds = rules.bounds.get(scratch.flows[i]!.metric)!;
    const v = s.metrics[bounds.id]!;
    if (v < bounds.min) s.metrics[bounds.id] = bounds.min;
    else if (v > bounds.max) s.metrics[bounds.id] = bounds.max;
  }
  // Modifier entries are the run's own copies (see draft), so their lifetimes tick in place.
  let expired = false;
  for (const m of s.modifiers) {
    if (m.weeksLeft !== null && --m.weeksLeft <= 0) expired = true;
  }
  if (expired) s.modifiers = s.modifiers.filter((m) => m.weeksLeft === null || m.weeksLeft > 0);
  if (record) s.history.points.push({ week: s.week, metrics: { ...s.metrics } });

  let interrupt: string | null = null;
  for (const { def: ev, when } of rules.events) {
    if (ev.once && s.firedEvents.includes(ev.id)) continue;
    if (when !== null && when(s) !== true) continue;
    if (ev.chancePerWeek < 1) {
      const draw = nextRandom(s.rng);
      s.rng = draw.state;
      if (draw.value >= ev.chancePerWeek) continue;
    }
    s.firedEvents.push(ev.id);
    if (record) s.history.log.push({ kind: "event", week: s.week, event: ev.id });
    applyEffects(scenario, s, ev.effects, "event", ev.id, causes);
    if (ev.goto !== null) {
      interrupt = ev.goto;
      break;
    }
  }
  if (checkEndings(scenario, s, record)) return null;
  return interrupt;
}

/** A scenario's weekly rules with their expressions compiled once (the scenario itself stays plain data). */
interface CompiledRules {
  bounds: Map<string, { id: string; min: number; max: number }>;
  flows: CompiledFlow[];
  modifierFlows: Map<string, CompiledFlow[]>;
  events: { def: EventDef; when: Evaluator | null }[];
  endings: { id: string; when: Evaluator }[];
}
interface CompiledFlow {
  metric: string;
  fn: Evaluator;
}

const rulesCache = new WeakMap<Scenario, CompiledRules>();
/** Reused buffers for one week's flows; the simulation is synchronous, so one set serves every run. */
const scratch = { flows: [] as CompiledFlow[], deltas: [] as number[], sources: [] as string[] };

function compiledRules(scenario: Scenario): CompiledRules {
  let rules = rulesCache.get(scenario);
  if (rules === undefined) {
    const flow = (f: MetricChange): CompiledFlow => ({ metric: f.metric, fn: compileExpression(f.expr) });
    rules = {
      bounds: new Map(scenario.metrics.map((m) => [m.id, { id: m.id, min: m.min, max: m.max }])),
      flows: scenario.flows.map(flow),
      modifierFlows: new Map(Object.values(scenario.modifiers).map((m) => [m.id, m.flows.map(flow)])),
      events: scenario.events.map((def) => ({
        def,
        when: def.when === null ? null : compileExpression(def.when),
      })),
      endings: scenario.conditionalEndings.map((e) => ({ id: e.id, when: compileExpression(e.when!) })),
    };
    rulesCache.set(scenario, rules);
  }
  return rules;
}

function finite(v: number): number {
  return Number.isFinite(v) ? v : 0;
}

/** Applies immediate effects: metric changes (evaluated together, then clamped), flags, then modifiers. */
function applyEffects(
  scenario: Scenario,
  s: RunState,
  effects: Effects,
  source: Cause["source"],
  id: string,
  causes: TimedCause[] | null,
): void {
  if (effects.metrics.length > 0) {
    const deltas = effects.metrics.map((m) => evaluateNumber(m.expr, s));
    effects.metrics.forEach((m, i) => {
      const delta = deltas[i]!;
      s.metrics[m.metric] = s.metrics[m.metric]! + delta;
      if (delta !== 0) causes?.push({ source, id, metric: m.metric, delta, week: s.week });
    });
    clampAll(scenario, s);
  }
  for (const { flag, value } of effects.set) s.flags[flag] = value;
  if (effects.remove.length > 0) s.modifiers = s.modifiers.filter((m) => !effects.remove.includes(m.id));
  for (const add of effects.add) {
    const def = lookup(scenario.modifiers, add);
    s.modifiers = s.modifiers.filter((m) => m.id !== add);
    s.modifiers.push({ id: add, weeksLeft: def?.weeks ?? null });
  }
}

/** Ends the run at the first conditional ending that holds; true if it ended. */
function checkEndings(scenario: Scenario, s: RunState, record: boolean): boolean {
  for (const ending of compiledRules(scenario).endings) {
    if (ending.when(s) === true) {
      finish(s, ending.id, record);
      return true;
    }
  }
  return false;
}

function finish(s: RunState, endingId: string, record: boolean): void {
  s.status = "ended";
  s.ending = endingId;
  if (record) s.history.log.push({ kind: "ending", week: s.week, ending: endingId });
}

/** Moves the run to a node or ending; a node where no choice is available leaves the run stuck. */
function arrive(scenario: Scenario, s: RunState, target: string, record: boolean): void {
  if (lookup(scenario.endings, target)) {
    finish(s, target, record);
    return;
  }
  s.at = target;
  if (!s.visited.includes(target)) s.visited.push(target);
  if (record) s.history.log.push({ kind: "arrive", week: s.week, node: target });
  const node = lookup(scenario.nodes, target)!;
  if (!node.choices.some((c) => c.requires === null || evaluateCondition(c.requires, s))) {
    s.status = "stuck";
    if (record) s.history.log.push({ kind: "stuck", week: s.week, node: target });
  }
}

function clampAll(scenario: Scenario, s: RunState): void {
  for (const m of scenario.metrics) {
    const v = s.metrics[m.id]!;
    if (v < m.min) s.metrics[m.id] = m.min;
    else if (v > m.max) s.metrics[m.id] = m.max;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/** A copy that the step may change freely; history arrays are shared copy-on-write only when not recording. */
function draft(state: RunState, record: boolean): RunState {
  return {
    ...state,
    metrics: { ...state.metrics },
    flags: { ...state.flags },
    modifiers: state.modifiers.map((m) => ({ ...m })),
    visited: state.visited.slice(),
    firedEvents: state.firedEvents.slice(),
    choices: state.choices.slice(),
    history: record
      ? { points: state.history.points.slice(), log: state.history.log.slice() }
      : state.history,
  };
}

function mergeCauses(causes: TimedCause[]): Cause[] {
  const merged = new Map<string, Cause>();
  for (const c of causes) {
    const key = `${c.source}\u0000${c.id}\u0000${c.metric}`;
    const prev = merged.get(key);
    if (prev) prev.delta += c.delta;
    else merged.set(key, { source: c.source, id: c.id, metric: c.metric, delta: c.delta });
  }
  return [...merged.values()].filter((c) => Math.abs(c.delta) > 1e-12);
}
