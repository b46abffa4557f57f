import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { reachability } from "../../engine/story-graph";

/** One way out of a choice: a target, with its chance when the choice has several outcomes. */
export interface OutlineEdge {
  choice: string;
  label: string;
  target: string;
  /** Null for a plain goto; the outcome's chance (0..1) otherwise. */
  chance: number | null;
}

export interface OutlineNode {
  id: string;
  title: string;
  line: number;
  choices: number;
  edges: OutlineEdge[];
  unreachable: boolean;
  noWayOut: boolean;
}

export interface OutlineEnding {
  id: string;
  title: string;
  line: number;
  /** Has a `when`: it can end a run from anywhere. */
  conditional: boolean;
  unreached: boolean;
}

/**
 * What the editor needs to know about a scenario's text even while it has errors: the names it defines (for
 * completion), where each node and ending starts (for the graph's "go to line"), and its graph with the same
 * reachability rules the validator uses. Built from the YAML alone; null when the text is not YAML.
 */
export interface Outline {
  start: string | null;
  nodes: OutlineNode[];
  endings: OutlineEnding[];
  events: { id: string; target: string | null; line: number }[];
  metrics: string[];
  flags: string[];
  modifiers: string[];
  groups: string[];
  /** Targets named by a goto that are neither a node nor an ending. */
  missing: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const entries = (v: unknown): [string, Obj][] =>
  isObj(v) ? Object.entries(v).flatMap(([k, x]) => (isObj(x) ? [[k, x] as [string, Obj]] : [])) : [];
const keys = (v: unknown): string[] => (isObj(v) ? Object.keys(v) : []);
const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);

export function outlineOf(text: string): Outline | null {
  const lines = new LineCounter();
  let data: unknown;
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
    data = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return null;
  }
  if (!isObj(data)) return null;
  const lineOf = (section: string, id: string): number => {
    const map = doc.get(section, true);
    if (!isMap(map)) return 1;
    for (const item of map.items) {
      if (isScalar(item.key) && String(item.key.value) === id && item.key.range) {
        return lines.linePos(item.key.range[0]).line;
      }
    }
    return 1;
  };

  const nodeIds = keys(data.nodes);
  const endingIds = new Set(keys(data.endings));
  const edges = new Map<string, OutlineEdge[]>();
  const timePasses = new Set<string>();
  for (const [id, node] of entries(data.nodes)) {
    const out: OutlineEdge[] = [];
    for (const c of Array.isArray(node.choices) ? node.choices : []) {
      if (!isObj(c)) continue;
      const choice = str(c.id, "?");
      const label = str(c.label, choice);
      if (typeof c.goto === "string") out.push({ choice, label, target: c.goto, chance: null });
      if (Array.isArray(c.outcomes)) {
        const outcomes = c.outcomes.filter(isObj);
        const given = outcomes.reduce((s, o) => s + (typeof o.chance === "number" ? o.chance : 0), 0);
        for (const o of outcomes) {
          if (typeof o.goto !== "string") continue;
          const chance = typeof o.chance === "number" ? o.chance : Math.max(0, 1 - given);
          out.push({ choice, label, target: o.goto, chance });
        }
      }
      if (c.weeks === undefined || (typeof c.weeks === "number" && c.weeks > 0)) timePasses.add(id);
    }
    edges.set(id, out);
  }
  const events = entries(data.events).map(([id, e]) => ({
    id,
    target: typeof e.goto === "string" ? e.goto : null,
    line: lineOf("events", id),
  }));
  const start = typeof data.start === "string" ? data.start : null;

  // The validator's own rules (src/engine/story-graph.ts), on the same graph.
  const { reached, canEnd, targeted } = reachability({
    start,
    edges: new Map([...edges].map(([id, out]) => [id, out.map((e) => e.target)])),
    endingIds,
    eventTargets: events.flatMap((e) => (e.target === null ? [] : [e.target])),
    timePasses,
    timeCanEnd:
      entries(data.endings).some(([, e]) => typeof e.when === "string") ||
      events.some((e) => e.target !== null && endingIds.has(e.target)),
  });

  const known = new Set([...nodeIds, ...endingIds]);
  const missing = new Set<string>();
  for (const out of edges.values()) for (const e of out) if (!known.has(e.target)) missing.add(e.target);

  return {
    start,
    nodes: entries(data.nodes).map(([id, n]) => {
      const out = edges.get(id) ?? [];
      return {
        id,
        title: str(n.title, id),
        line: lineOf("nodes", id),
        choices: Array.isArray(n.choices) ? n.choices.length : 0,
        edges: out,
        unreachable: start !== null && !reached.has(id),
        noWayOut: !canEnd.has(id),
      };
    }),
    endings: entries(data.endings).map(([id, e]) => ({
      id,
      title: str(e.title, id),
      line: lineOf("endings", id),
      conditional: typeof e.when === "string",
      unreached: typeof e.when !== "string" && !targeted.has(id),
    })),
    events,
    metrics: keys(data.metrics),
    flags: keys(data.flags),
    modifiers: keys(data.modifiers),
    groups: isObj(data.world) ? keys(data.world.groups) : [],
    missing: [...missing],
  };
}
