import { evaluateCondition } from "./expression/evaluate";
import { lookup, type Scenario } from "./model";
import { nextRandom } from "./rng";
import type { RunState } from "./run-state";
import { choicesAt, choose, chooseMutably, startRun } from "./simulation";

/** How to analyse a scenario. */
export interface AnalyzeOptions {
  /** Random playthroughs (default 2000). */
  runs?: number;
  /** Seed of the whole analysis: the same seed gives the same report. */
  seed?: number;
  /** Budget of complete paths for the exhaustive search over choices (default 20000; 0 turns it off). */
  exhaustivePaths?: number;
  /** Seeds the exhaustive search tries (default 4). */
  exhaustiveSeeds?: number;
}

/** Spread of one metric's value at the end of the runs. */
export interface MetricSpread {
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
  mean: number;
}

/** How a choice fared in the runs that took it. */
export interface ChoiceStat {
  node: string;
  choice: string;
  taken: number;
  meanRating: number;
  meanEnd: Record<string, number>;
}

/** The balance report of a scenario. */
export interface AnalysisReport {
  scenarioId: string;
  runs: number;
  seed: number;
  /** Ending id to the number of random runs that reached it (every ending is listed). */
  endings: Record<string, number>;
  /** Runs that stopped at a node where no choice was available. */
  stuck: number;
  /** Runs cut off after too many decisions (a loop with no way out for a random player). */
  tooLong: number;
  unreachedEndings: string[];
  unvisitedNodes: string[];
  metrics: Record<string, MetricSpread>;
  meanWeeks: number;
  meanDecisions: number;
  choices: ChoiceStat[];
  /** Choices better on every visible metric and on the ending's rating than every alternative at their node. */
  dominantChoices: { node: string; choice: string; over: string[] }[];
  /** Share of random runs reaching an ending with the scenario's highest rating. */
  bestEndingRate: number;
  exhaustive: ExhaustiveReport | null;
}

/** Every choice sequence explored for a few fixed seeds, within a budget. */
export interface ExhaustiveReport {
  complete: boolean;
  paths: number;
  seeds: number;
  /** Ending id to the number of explored paths that reached it. */
  endings: Record<string, number>;
  unreachedEndings: string[];
}

const MAX_DECISIONS = 500;
const MIN_SAMPLES_FOR_DOMINANCE = 30;

/** Plays one run with uniformly random choices; `policy` is the chooser's own random state. */
export function playRandomRun(
  scenario: Scenario,
  seed: number,
  policySeed: number,
): { state: RunState; path: [string, string][]; cut: boolean } {
  const state = startRun(scenario, seed);
  let policy = policySeed | 0;
  const path: [string, string][] = [];
  const available: string[] = [];
  while (state.status === "deciding") {
    if (path.length >= MAX_DECISIONS) return { state, path, cut: true };
    available.length = 0;
    for (const c of lookup(scenario.nodes, state.at)!.choices) {
      if (c.requires === null || evaluateCondition(c.requires, state)) available.push(c.id);
    }
    const draw = nextRandom(policy);
    policy = draw.state;
    const pick = available[Math.floor(draw.value * available.length)]!;
    path.push([state.at, pick]);
    chooseMutably(scenario, state, pick);
  }
  return { state, path, cut: false };
}

/** Monte Carlo over random play, plus an exhaustive search over choices where the scenario is small enough. */
export function analyzeScenario(scenario: Scenario, options: AnalyzeOptions = {}): AnalysisReport {
  const runs = options.runs ?? 2000;
  const seed = options.seed ?? 1;
  const endings: Record<string, number> = {};
  for (const id of Object.keys(scenario.endings)) endings[id] = 0;
  const visited = new Set<string>();
  const finals: Record<string, number[]> = {};
  for (const m of scenario.metrics) finals[m.id] = [];
  type Stat = {
    node: string;
    choice: string;
    taken: number;
    rating: number;
    end: Float64Array;
    lastRun: number;
  };
  const stats = new Map<string, Map<string, Stat>>();
  const metricIds = scenario.metrics.map((m) => m.id);
  const maxRating = Math.max(...Object.values(scenario.endings).map((e) => e.rating));
  let stuck = 0;
  let tooLong = 0;
  let weeks = 0;
  let decisions = 0;
  let best = 0;
  let mix = seed | 0;

  for (let i = 0; i < runs; i++) {
    const a = nextRandom(mix);
    const b = nextRandom(a.state);
    mix = b.state;
    const { state, path, cut } = playRandomRun(scenario, Math.floor(a.value * 2 ** 31), b.state);
    for (const v of state.visited) visited.add(v);
    if (cut) tooLong++;
    else if (state.status === "stuck") stuck++;
    else if (state.ending !== null) endings[state.ending] = (endings[state.ending] ?? 0) + 1;
    const rating = state.ending === null ? 0 : (lookup(scenario.endings, state.ending)?.rating ?? 0);
    if (rating === maxRating && state.ending !== null) best++;
    weeks += state.week;
    decisions += path.length;
    for (const m of scenario.metrics) finals[m.id]!.push(state.metrics[m.id]!);
    for (const [node, choice] of path) {
      let atNode = stats.get(node);
      if (!atNode) {
        atNode = new Map();
        stats.set(node, atNode);
      }
      let s = atNode.get(choice);
      if (!s) {
        s = { node, choice, taken: 0, rating: 0, end: new Float64Array(metricIds.length), lastRun: -1 };
        atNode.set(choice, s);
      }
      if (s.lastRun === i) continue; // count a choice once per run, however often a loop repeats it
      s.lastRun = i;
      s.taken++;
      s.rating += rating;
      for (let k = 0; k < metricIds.length; k++) s.end[k]! += state.metrics[metricIds[k]!]!;
    }
  }

  const choices: ChoiceStat[] = [...stats.values()].flatMap((atNode) =>
    [...atNode.values()].map((s) => ({
      node: s.node,
      choice: s.choice,
      taken: s.taken,
      meanRating: s.rating / s.taken,
      meanEnd: Object.fromEntries(metricIds.map((id, k) => [id, s.end[k]! / s.taken])),
    })),
  );

  const exhaustiveBudget = options.exhaustivePaths ?? 20000;
  return {
    scenarioId: scenario.id,
    runs,
    seed,
    endings,
    stuck,
    tooLong,
    unreachedEndings: Object.keys(endings).filter((id) => endings[id] === 0),
    unvisitedNodes: Object.keys(scenario.nodes).filter((id) => !visited.has(id)),
    metrics: Object.fromEntries(scenario.metrics.map((m) => [m.id, spread(finals[m.id]!)])),
    meanWeeks: runs > 0 ? weeks / runs : 0,
    meanDecisions: runs > 0 ? decisions / runs : 0,
    choices,
    dominantChoices: findDominant(scenario, choices),
    bestEndingRate: runs > 0 ? best / runs : 0,
    exhaustive:
      exhaustiveBudget > 0
        ? exploreAll(scenario, seed, options.exhaustiveSeeds ?? 4, exhaustiveBudget)
        : null,
  };
}

function findDominant(scenario: Scenario, choices: ChoiceStat[]): AnalysisReport["dominantChoices"] {
  const visible = scenario.metrics.filter((m) => !m.hidden).map((m) => m.id);
  const byNode = new Map<string, ChoiceStat[]>();
  for (const c of choices) {
    if (c.taken < MIN_SAMPLES_FOR_DOMINANCE) continue;
    byNode.set(c.node, [...(byNode.get(c.node) ?? []), c]);
  }
  const out: AnalysisReport["dominantChoices"] = [];
  for (const [node, list] of byNode) {
    if (list.length < 2) continue;
    for (const a of list) {
      const others = list.filter((b) => b !== a);
      const beats = (b: ChoiceStat) => {
        const scores = [...visible.map((m) => [a.meanEnd[m]!, b.meanEnd[m]!]), [a.meanRating, b.meanRating]];
        return scores.every(([x, y]) => x! >= y! - 1e-9) && scores.some(([x, y]) => x! > y! + 1e-9);
      };
      if (others.every(beats)) out.push({ node, choice: a.choice, over: others.map((o) => o.choice) });
    }
  }
  return out;
}

/** Depth-first over every sequence of available choices for a few seeds, until the path budget runs out. */
function exploreAll(scenario: Scenario, seed: number, seeds: number, budget: number): ExhaustiveReport {
  const endings: Record<string, number> = {};
  for (const id of Object.keys(scenario.endings)) endings[id] = 0;
  let paths = 0;
  let complete = true;
  const perSeed = Math.max(1, Math.floor(budget / seeds));
  for (let k = 0; k < seeds && complete; k++) {
    let left = perSeed;
    const stack: { state: RunState; depth: number }[] = [{ state: startRun(scenario, seed + k), depth: 0 }];
    while (stack.length > 0) {
      const { state, depth } = stack.pop()!;
      if (state.status !== "deciding" || depth >= MAX_DECISIONS) {
        paths++;
        if (state.ending !== null) endings[state.ending] = (endings[state.ending] ?? 0) + 1;
        if (--left <= 0 && stack.length > 0) {
          complete = false;
          break;
        }
        continue;
      }
      for (const v of choicesAt(scenario, state)) {
        if (!v.available) continue;
        const next = choose(scenario, state, v.choice.id, { record: false });
        if (next.ok) stack.push({ state: next.state, depth: depth + 1 });
      }
    }
  }
  return {
    complete,
    paths,
    seeds,
    endings,
    unreachedEndings: Object.keys(endings).filter((id) => endings[id] === 0),
  };
}

function spread(values: number[]): MetricSpread {
  if (values.length === 0) return { min: 0, p10: 0, median: 0, p90: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return {
    min: sorted[0]!,
    p10: at(0.1),
    median: at(0.5),
    p90: at(0.9),
    max: sorted[sorted.length - 1]!,
    mean,
  };
}
