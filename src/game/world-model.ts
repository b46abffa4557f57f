// The world as plain data: what the Phaser scene draws for a scenario and a run. Pure (no Phaser, no DOM), so
// the mapping from metrics and the `world` block to pictures is tested in node.

import { formatMetric as formatMetricValue } from "../app/metric-format";
import type { ExprEnv } from "../engine/expression/evaluate";
import { evaluateCondition } from "../engine/expression/evaluate";
import { lookup, type MetricDef, type RunState, type Scenario } from "../engine/index";

/** The logical size of the world in pixels; the canvas is scaled to fit its parent. */
export const WORLD_WIDTH = 1280;
export const WORLD_HEIGHT = 720;

/** The most canvas pixels per world pixel: 1.5 keeps text sharp enough and fills 2.25 times the pixels, not 4. */
const MAX_DENSITY = 1.5;

/**
 * How many canvas pixels to draw per world pixel: enough for the size the world is shown at on this screen (so
 * text stays sharp on high-density screens), in half steps from 1 to 1.5; a small panel needs no more than 1.
 */
export function pixelsPerWorldPixel(cssWidth: number, devicePixelRatio: number): number {
  const needed = (cssWidth * devicePixelRatio) / WORLD_WIDTH;
  return Math.min(MAX_DENSITY, Math.max(1, Math.ceil(needed * 2 - 0.3) / 2));
}

/** How a group is drawn. */
export type GroupKind = "team" | "platform" | "gatekeeper" | "business" | "vendor" | "leadership";

/** A rectangle in world pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A team or department, placed in the organisation area. */
export interface GroupView {
  id: string;
  label: string;
  kind: GroupKind;
  box: Box;
  /** How many people are drawn in it. */
  people: number;
}

/** A link between two neighbouring groups; `cut` when a standing silo wall separates them. */
export interface LinkView {
  from: string;
  to: string;
  cut: boolean;
}

/** A silo wall: the boxes it is drawn around (one, or one per group when its groups are not neighbours). */
export interface WallView {
  key: string;
  label: string;
  groups: string[];
  boxes: Box[];
  standing: boolean;
}

/** Work waiting at a group: shown while its condition holds, one ticket per week waited (at least one). */
export interface QueueView {
  key: string;
  at: string;
  label: string;
  waiting: boolean;
  weeksWaited: number;
}

/** A metric the world shows, with where its value sits in its range. */
export interface MetricView {
  id: string;
  label: string;
  unit: string;
  value: number;
  decimals: number;
  hidden: boolean;
  /** The top of its range when it has one (trust "40 of 100"), else null. */
  top: number | null;
  /** 0..1: trust within its range, money relative to its start, velocity relative to its scale. */
  level: number;
}

/** Everything the world draws for one moment of a run. */
export interface WorldModel {
  week: number;
  ended: boolean;
  /** The title of the ending reached, when the run has ended at a known ending. */
  endingTitle: string | null;
  groups: GroupView[];
  links: LinkView[];
  walls: WallView[];
  queues: QueueView[];
  trust: MetricView | null;
  money: (MetricView & { start: number }) | null;
  velocity: MetricView | null;
  /** The text of the canvas container's aria-label. */
  summary: string;
}

const KINDS: readonly GroupKind[] = ["team", "platform", "gatekeeper", "business", "vendor", "leadership"];
const PEOPLE: Record<GroupKind, number> = {
  team: 4,
  platform: 3,
  gatekeeper: 2,
  business: 3,
  vendor: 2,
  leadership: 2,
};

/** The organisation drawn when a scenario has no `world` block. */
export const DEFAULT_GROUPS: readonly { id: string; label: string; kind: GroupKind }[] = [
  { id: "product", label: "Product team", kind: "team" },
  { id: "devops", label: "DevOps team", kind: "platform" },
  { id: "security", label: "Security", kind: "gatekeeper" },
  { id: "change-control", label: "Change control", kind: "gatekeeper" },
  { id: "business", label: "The business", kind: "business" },
  { id: "vendor", label: "Outsourced vendor", kind: "vendor" },
];

/** Where the organisation's groups are laid out (left of the budget tank, above the pipeline). */
export const ORG_AREA: Box = { x: 56, y: 96, w: 940, h: 420 };
/** Where the delivery pipeline runs. */
export const PIPELINE_AREA: Box = { x: 24, y: 560, w: 1004, h: 140 };
/** Where the budget tank stands. */
export const TANK_AREA: Box = { x: 1056, y: 60, w: 200, h: 640 };

/** Builds the world for `run` (or the scenario's start when there is no run yet). */
export function worldModel(scenario: Scenario, run: RunState | null): WorldModel {
  const env: ExprEnv = run ?? startEnv(scenario);
  const groups = layoutGroups(scenario);
  const byId = new Map(groups.map((g) => [g.id, g]));
  const cols = columns(groups.length);

  const walls: WallView[] = (scenario.world?.walls ?? []).map((wall, i) => {
    const members = wall.around.filter((id) => byId.has(id));
    return {
      key: `wall-${i}`,
      label: wall.label ?? "Silo",
      groups: members,
      boxes: wallBoxes(members, groups, cols),
      standing: members.length > 0 && safeCondition(wall.when, env),
    };
  });

  const queues: QueueView[] = (scenario.world?.queues ?? [])
    .filter((q) => byId.has(q.at))
    .map((q, i) => {
      const waiting = safeCondition(q.when, env);
      return {
        key: `queue-${i}`,
        at: q.at,
        label: q.label,
        waiting,
        weeksWaited: waiting && run ? weeksWaiting(q.when, run) : 0,
      };
    });

  const links = neighbourLinks(groups, cols).map(([from, to]) => ({
    from,
    to,
    cut: walls.some((w) => w.standing && w.groups.includes(from) !== w.groups.includes(to)),
  }));

  const { trust, money, velocity } = metricViews(scenario, run?.metrics ?? startEnv(scenario).metrics);
  const model: WorldModel = {
    week: run?.week ?? 0,
    ended: run?.status === "ended",
    endingTitle: run?.ending ? (lookup(scenario.endings, run.ending)?.title ?? null) : null,
    groups,
    links,
    walls,
    queues,
    trust,
    money,
    velocity,
    summary: "",
  };
  model.summary = describeWorld(model);
  return model;
}

/** The metrics the world shows by convention (`trust`, `money`, `velocity`), each null when missing. */
export function metricViews(
  scenario: Scenario,
  metrics: Record<string, number>,
): Pick<WorldModel, "trust" | "money" | "velocity"> {
  const trust = metricView(scenario, metrics, "trust", (def, v) => rangeLevel(def, v));
  const moneyView = metricView(scenario, metrics, "money", (def, v) =>
    def.start > 0 ? clamp01(v / def.start) : rangeLevel(def, v),
  );
  const money = moneyView ? { ...moneyView, start: metricDef(scenario, "money")!.start } : null;
  const velocity = metricView(scenario, metrics, "velocity", (def, v) => clamp01(v / velocityScale(def)));
  return { trust, money, velocity };
}

/** The number of work items drawn on the pipeline for a velocity level (0 when nothing moves). */
export function workItems(velocity: MetricView | null): number {
  if (!velocity || velocity.value <= 0) return 0;
  // The square root makes the first gains visible: 1 of 20 already looks different from 2 of 20.
  return Math.min(12, Math.max(1, Math.round(2 + Math.sqrt(velocity.level) * 10)));
}

/** How fast work items move along the pipeline, in world pixels per second (0 when nothing moves). */
export function pipelineSpeed(velocity: MetricView | null): number {
  if (!velocity || velocity.value <= 0) return 0;
  return 30 + Math.sqrt(velocity.level) * 220;
}

/** The tickets drawn for a queue: one per week waited, at least one while it waits, at most eight. */
export function queueTickets(queue: QueueView): number {
  return queue.waiting ? Math.min(8, Math.max(1, queue.weeksWaited)) : 0;
}

/** Trust as a mood: "happy", "uneasy" or "unhappy"; "calm" when the scenario has no trust metric. */
export function moodOf(trust: MetricView | null): "happy" | "uneasy" | "unhappy" | "calm" {
  if (!trust) return "calm";
  if (trust.level >= 0.6) return "happy";
  if (trust.level >= 0.3) return "uneasy";
  return "unhappy";
}

/** One frame of a choice's animation: a week and the metrics shown at it. */
export interface Frame {
  week: number;
  metrics: Record<string, number>;
}

/**
 * The frames a choice animates through: the metrics shown before it, each simulated week it recorded, then the
 * run's final metrics (which include effects applied after the last week).
 */
export function animationFrames(before: Frame, run: RunState): Frame[] {
  const weeks = run.history.points.filter((p) => p.week > before.week && p.week <= run.week);
  return [
    before,
    ...weeks.map((p) => ({ week: p.week, metrics: p.metrics })),
    { week: run.week, metrics: run.metrics },
  ];
}

/** The frame at progress `p` (0 .. frames.length - 1), interpolating week and metrics between neighbours. */
export function frameAt(frames: readonly Frame[], p: number): Frame {
  const last = frames.length - 1;
  if (last < 0) return { week: 0, metrics: {} };
  const clamped = Math.min(last, Math.max(0, p));
  const i = Math.min(last, Math.floor(clamped));
  const a = frames[i]!;
  const b = frames[Math.min(last, i + 1)]!;
  const t = clamped - i;
  const metrics: Record<string, number> = {};
  for (const [id, v] of Object.entries(b.metrics)) {
    const from = a.metrics[id] ?? v;
    metrics[id] = from + (v - from) * t;
  }
  return { week: a.week + (b.week - a.week) * t, metrics };
}

/** The metrics at the start of a run of `scenario`, before any choice. */
export function startMetrics(scenario: Scenario): Record<string, number> {
  return startEnv(scenario).metrics;
}

/** What changed between two models, for pulses: group ids whose wall or queue changed, and metric ids. */
export function changesBetween(
  before: WorldModel,
  after: WorldModel,
): { groups: Set<string>; metrics: Set<string> } {
  const groups = new Set<string>();
  for (const wall of after.walls) {
    const old = before.walls.find((w) => w.key === wall.key);
    if (old && old.standing !== wall.standing) for (const g of wall.groups) groups.add(g);
  }
  for (const q of after.queues) {
    const old = before.queues.find((o) => o.key === q.key);
    if (old && (old.waiting !== q.waiting || queueTickets(old) !== queueTickets(q))) groups.add(q.at);
  }
  const metrics = new Set<string>();
  for (const key of ["trust", "money", "velocity"] as const) {
    const a = before[key];
    const b = after[key];
    if (a && b && a.value !== b.value) metrics.add(key);
  }
  return { groups, metrics };
}

/** How long something has waited, in words: "just arrived", "waiting 1 week", "waiting 3 weeks". */
export function waitingText(weeks: number): string {
  if (weeks <= 0) return "just arrived";
  return weeks === 1 ? "waiting 1 week" : `waiting ${weeks} weeks`;
}

/** Formats a metric's value with its decimals and unit, e.g. "64 k£" (the app's one formatter). */
export function formatMetric(m: MetricView, value = m.value): string {
  return formatMetricValue(m, value);
}

function describeWorld(m: WorldModel): string {
  const parts: string[] = [];
  const names = m.groups.map((g) => g.label);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  parts.push(`The organisation at week ${m.week}: ${list}`);
  for (const wall of m.walls) {
    if (!wall.standing) continue;
    const who = wall.groups.map((id) => labelOf(m, id)).join(" and ");
    parts.push(`${who} walled off (${wall.label})`);
  }
  for (const q of m.queues) {
    if (!q.waiting) continue;
    parts.push(`${q.label} ${waitingText(q.weeksWaited)} at ${labelOf(m, q.at)}`);
  }
  const cut = m.links.filter((l) => l.cut).length;
  if (cut > 0) parts.push(`${cut === 1 ? "1 link" : `${cut} links`} between groups cut by walls`);
  if (m.trust) {
    const mood = moodOf(m.trust);
    parts.push(
      m.trust.hidden
        ? `people look ${mood}`
        : `trust ${m.trust.value.toFixed(m.trust.decimals)}${m.trust.top === null ? "" : ` of ${m.trust.top}`}, people look ${mood}`,
    );
  }
  if (m.money && !m.money.hidden) {
    parts.push(
      `${m.money.label.toLowerCase()} ${formatMetric(m.money)} left of ${formatMetric(m.money, m.money.start)}`,
    );
  }
  if (m.velocity && !m.velocity.hidden) {
    const n = workItems(m.velocity);
    parts.push(
      n === 0
        ? `nothing flows to production (${m.velocity.label.toLowerCase()} ${formatMetric(m.velocity)})`
        : `${m.velocity.label.toLowerCase()} ${formatMetric(m.velocity)}, work flowing to production`,
    );
  }
  if (m.ended) parts.push("the run has ended");
  return `${parts.join("; ")}.`;
}

function labelOf(m: WorldModel, id: string): string {
  return m.groups.find((g) => g.id === id)?.label ?? id;
}

function startEnv(scenario: Scenario): ExprEnv {
  const metrics: Record<string, number> = {};
  for (const def of scenario.metrics) metrics[def.id] = Math.min(Math.max(def.start, def.min), def.max);
  const flags: Record<string, boolean> = {};
  for (const f of scenario.flags) flags[f.id] = f.start;
  return { metrics, flags, week: 0, modifiers: [], visited: [scenario.start] };
}

function safeCondition(expr: Parameters<typeof evaluateCondition>[0], env: ExprEnv): boolean {
  try {
    return evaluateCondition(expr, env);
  } catch {
    return false;
  }
}

/**
 * How many weeks a queue's condition has held without a break, counting back from the run's week. Past weeks
 * use the recorded metrics and the nodes arrived at by then; flags and modifiers are not recorded per week, so
 * their current values stand in.
 */
function weeksWaiting(when: Parameters<typeof evaluateCondition>[0], run: RunState): number {
  const arrivals = run.history.log.filter((e) => e.kind === "arrive");
  const points = [...run.history.points].sort((a, b) => b.week - a.week);
  let since = run.week;
  for (const p of points) {
    if (p.week > run.week) continue;
    const visited = arrivals.filter((a) => a.week <= p.week).map((a) => a.node);
    const env: ExprEnv = { ...run, metrics: p.metrics, week: p.week, visited };
    if (!safeCondition(when, env)) break;
    since = p.week;
  }
  return run.week - since;
}

function metricDef(scenario: Scenario, id: string): MetricDef | undefined {
  return scenario.metrics.find((m) => m.id === id);
}

function metricView(
  scenario: Scenario,
  metrics: Record<string, number>,
  id: string,
  level: (def: MetricDef, value: number) => number,
): MetricView | null {
  const def = metricDef(scenario, id);
  if (!def) return null;
  const value = Object.hasOwn(metrics, id) ? metrics[id]! : def.start;
  return {
    id,
    label: def.label,
    unit: def.unit,
    value,
    decimals: def.decimals,
    hidden: def.hidden,
    top: Number.isFinite(def.max) ? def.max : null,
    level: level(def, value),
  };
}

function rangeLevel(def: MetricDef, value: number): number {
  const max = Number.isFinite(def.max) ? def.max : Math.max(100, def.start * 2);
  const min = Number.isFinite(def.min) ? def.min : 0;
  return max > min ? clamp01((value - min) / (max - min)) : 0.5;
}

/** The velocity that fills the pipeline: its max when finite, else four times its start. */
function velocityScale(def: MetricDef): number {
  if (Number.isFinite(def.max) && def.max > 0) return def.max;
  return Math.max(1, def.start * 4);
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

function columns(n: number): number {
  return n <= 3 ? Math.max(1, n) : Math.ceil(n / 2);
}

/** Places groups in a grid of at most two rows; the second row runs right to left so neighbours follow on. */
function layoutGroups(scenario: Scenario): GroupView[] {
  const source = scenario.world
    ? scenario.world.groups.map((g) => ({ ...g, kind: asKind(g.kind) }))
    : DEFAULT_GROUPS.map((g) => ({ ...g }));
  const n = source.length;
  const cols = columns(n);
  const rows = Math.max(1, Math.ceil(n / cols));
  const gap = 36;
  const rowGap = 60;
  const cellW = (ORG_AREA.w - gap * (cols - 1)) / cols;
  const cellH = rows === 1 ? 220 : (ORG_AREA.h - rowGap) / 2;
  const top = rows === 1 ? ORG_AREA.y + (ORG_AREA.h - cellH) / 2 : ORG_AREA.y;
  // Narrower than their cells, so the links between neighbours are long enough to see.
  const w = Math.min(cellW - 30, 260);
  return source.map((g, i) => {
    const row = Math.floor(i / cols);
    const col = row % 2 === 0 ? i % cols : cols - 1 - (i % cols);
    const x = ORG_AREA.x + col * (cellW + gap) + (cellW - w) / 2;
    const y = top + row * (cellH + rowGap);
    return { id: g.id, label: g.label, kind: g.kind, box: { x, y, w, h: cellH }, people: PEOPLE[g.kind] };
  });
}

function asKind(kind: string): GroupKind {
  return (KINDS as readonly string[]).includes(kind) ? (kind as GroupKind) : "team";
}

function gridCell(index: number, cols: number): { row: number; col: number } {
  const row = Math.floor(index / cols);
  return { row, col: row % 2 === 0 ? index % cols : cols - 1 - (index % cols) };
}

function neighbourLinks(groups: GroupView[], cols: number): [string, string][] {
  const links: [string, string][] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = gridCell(i, cols);
      const b = gridCell(j, cols);
      if (Math.abs(a.row - b.row) + Math.abs(a.col - b.col) === 1) links.push([groups[i]!.id, groups[j]!.id]);
    }
  }
  return links;
}

/** One box around all the wall's groups when that box holds no other group; otherwise one box per group. */
function wallBoxes(members: string[], groups: GroupView[], cols: number): Box[] {
  if (members.length === 0) return [];
  const cells = groups.map((g, i) => ({ g, ...gridCell(i, cols) }));
  const inside = cells.filter((c) => members.includes(c.g.id));
  const rows = inside.map((c) => c.row);
  const colsIn = inside.map((c) => c.col);
  const within = (c: { row: number; col: number }) =>
    c.row >= Math.min(...rows) &&
    c.row <= Math.max(...rows) &&
    c.col >= Math.min(...colsIn) &&
    c.col <= Math.max(...colsIn);
  const pad = 12;
  const grow = (b: Box): Box => ({ x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad });
  if (cells.some((c) => within(c) && !members.includes(c.g.id))) return inside.map((c) => grow(c.g.box));
  const x = Math.min(...inside.map((c) => c.g.box.x));
  const y = Math.min(...inside.map((c) => c.g.box.y));
  const right = Math.max(...inside.map((c) => c.g.box.x + c.g.box.w));
  const bottom = Math.max(...inside.map((c) => c.g.box.y + c.g.box.h));
  return [grow({ x, y, w: right - x, h: bottom - y })];
}
