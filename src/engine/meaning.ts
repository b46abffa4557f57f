import type { Diagnostic } from "./diagnostics";
import { RESERVED_WORDS } from "./expression/ast";
import { checkExpression, closest, type ExprType, type NameScope } from "./expression/check";
import { parseExpression } from "./expression/parse";
import { EFFECT_KEYS, FORMAT_VERSION } from "./format";
import type { DocPath, ScenarioSource } from "./source";
import { reachability, type StoryGraph } from "./story-graph";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const entries = (v: unknown): [string, Obj][] =>
  isObj(v) ? (Object.entries(v).filter(([, x]) => isObj(x)) as [string, Obj][]) : [];
const keys = (v: unknown): string[] => (isObj(v) ? Object.keys(v) : []);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The refusal a coach sees when a file is newer than this engine. */
export function newerFormatMessage(format: number): string {
  return `this scenario uses format ${format}, but this version of Change Is Hard reads format ${FORMAT_VERSION} at most; update Change Is Hard to open it`;
}

/**
 * Checks what the file means: targets exist, names are known, expressions parse, chances add up, every node is
 * reachable and can reach an ending. Defensive: runs on files whose shape is also wrong, so every problem is
 * reported in one pass.
 */
export function meaningDiagnostics(source: ScenarioSource): Diagnostic[] {
  const data = source.data as Obj;
  const out: Diagnostic[] = [];
  const error = (path: DocPath, message: string, part: "key" | "value" = "value") =>
    out.push(source.diagnostic(path, "error", message, part));
  const warn = (path: DocPath, message: string, part: "key" | "value" = "value") =>
    out.push(source.diagnostic(path, "warning", message, part));

  if (typeof data.format === "number" && data.format > FORMAT_VERSION) {
    error(["format"], newerFormatMessage(data.format));
    return out;
  }

  forbiddenKeys(data, [], error);

  const scope: NameScope = {
    metrics: new Set(keys(data.metrics)),
    flags: new Set(keys(data.flags)),
    modifiers: new Set(keys(data.modifiers)),
    nodes: new Set(keys(data.nodes)),
  };
  const endingIds = new Set(keys(data.endings));
  const targets = new Set([...scope.nodes, ...endingIds]);

  for (const [group, kind] of [
    ["metrics", "metric"],
    ["flags", "flag"],
  ] as const) {
    for (const name of keys(data[group])) {
      if (RESERVED_WORDS.has(name) || (EFFECT_KEYS as readonly string[]).includes(name)) {
        error([group, name], `"${name}" is a reserved word and cannot name a ${kind}`, "key");
      }
    }
  }
  for (const name of scope.flags) {
    if (scope.metrics.has(name))
      warn(["flags", name], `"${name}" names both a metric and a flag; rename one`, "key");
  }

  for (const [name, m] of entries(data.metrics)) {
    const { start, min, max } = m as { start?: unknown; min?: unknown; max?: unknown };
    if (typeof min === "number" && typeof max === "number" && min >= max) {
      error(["metrics", name, "max"], `max (${max}) must be greater than min (${min})`);
    }
    if (typeof start === "number" && typeof min === "number" && start < min) {
      error(["metrics", name, "start"], `start (${start}) is below min (${min})`);
    }
    if (typeof start === "number" && typeof max === "number" && start > max) {
      error(["metrics", name, "start"], `start (${start}) is above max (${max})`);
    }
  }

  const expr = (path: DocPath, type: ExprType) => {
    let value: unknown = data;
    for (const seg of path) value = (value as Obj | unknown[] | undefined)?.[seg as never];
    if (typeof value === "number") {
      if (type === "boolean") error(path, "this must be a condition such as trust >= 30, not a number");
      return;
    }
    if (typeof value !== "string") return;
    const parsed = parseExpression(value);
    const problems = "error" in parsed ? [parsed.error] : checkExpression(parsed.expr, scope, type);
    for (const p of problems) {
      out.push({
        file: source.file,
        ...source.positionInString(path, p.at),
        severity: "error",
        message: p.message,
      });
    }
  };

  const metricMap = (path: DocPath, map: unknown) => {
    for (const name of keys(map)) {
      if (!scope.metrics.has(name)) {
        error([...path, name], `unknown metric "${name}"${didYouMean(name, scope.metrics)}`, "key");
      } else expr([...path, name], "number");
    }
  };

  const effects = (path: DocPath, e: unknown) => {
    if (!isObj(e)) return;
    for (const key of keys(e)) {
      if ((EFFECT_KEYS as readonly string[]).includes(key)) continue;
      if (!scope.metrics.has(key)) {
        const hint = didYouMean(key, [...scope.metrics, ...EFFECT_KEYS]);
        error([...path, key], `unknown metric "${key}"${hint}`, "key");
      } else expr([...path, key], "number");
    }
    for (const flag of keys(e.set)) {
      if (!scope.flags.has(flag))
        error([...path, "set", flag], `unknown flag "${flag}"${didYouMean(flag, scope.flags)}`, "key");
    }
    for (const op of ["add", "remove"] as const) {
      list(e[op]).forEach((m, i) => {
        if (typeof m === "string" && !scope.modifiers.has(m)) {
          error([...path, op, i], `unknown modifier "${m}"${didYouMean(m, scope.modifiers)}`);
        }
      });
    }
  };

  const target = (path: DocPath, value: unknown, what: string) => {
    if (typeof value === "string" && !targets.has(value)) {
      error(path, `${what} "${value}" is not a node or an ending${didYouMean(value, targets)}`);
    }
  };

  metricMap(["flows"], data.flows);
  for (const [id, m] of entries(data.modifiers)) metricMap(["modifiers", id, "flows"], m.flows);

  for (const id of endingIds) {
    if (scope.nodes.has(id))
      error(["endings", id], `"${id}" is both a node and an ending; ids must be unique`, "key");
  }
  if (typeof data.start === "string") {
    if (endingIds.has(data.start) && !scope.nodes.has(data.start))
      error(["start"], `start must be a node, and "${data.start}" is an ending`);
    else if (!scope.nodes.has(data.start))
      error(["start"], `start node "${data.start}" does not exist${didYouMean(data.start, scope.nodes)}`);
  }

  for (const [nodeId, node] of entries(data.nodes)) {
    const seen = new Set<string>();
    const choices = list(node.choices);
    const realCount = choices.filter((c) => isObj(c) && c.real === true).length;
    if (realCount > 1)
      warn(
        ["nodes", nodeId, "choices"],
        `${realCount} choices are marked real; the real engagement made one`,
      );
    if (choices.length > 0 && choices.every((c) => isObj(c) && typeof c.requires === "string")) {
      warn(
        ["nodes", nodeId, "choices"],
        "every choice has a requires condition; if none holds, the run is stuck here",
      );
    }
    choices.forEach((c, i) => {
      if (!isObj(c)) return;
      const path = ["nodes", nodeId, "choices", i];
      if (typeof c.id === "string") {
        if (seen.has(c.id)) error([...path, "id"], `choice id "${c.id}" is used twice in node "${nodeId}"`);
        seen.add(c.id);
      }
      if (c.requires !== undefined) expr([...path, "requires"], "boolean");
      effects([...path, "effects"], c.effects);
      const hasGoto = c.goto !== undefined;
      const hasOutcomes = c.outcomes !== undefined;
      if (hasGoto && hasOutcomes)
        error([...path, "outcomes"], "a choice has either goto or outcomes, not both");
      if (!hasGoto && !hasOutcomes) {
        error(
          path,
          `${typeof c.id === "string" ? `choice "${c.id}"` : `choice ${i + 1}`} needs a goto or outcomes`,
        );
      }
      target([...path, "goto"], c.goto, "goto target");
      const outcomes = list(c.outcomes);
      outcomes.forEach((o, j) => {
        if (!isObj(o)) return;
        target([...path, "outcomes", j, "goto"], o.goto, "goto target");
        effects([...path, "outcomes", j, "effects"], o.effects);
      });
      chanceSum([...path, "outcomes"], outcomes, error, warn);
    });
  }

  for (const [id, ev] of entries(data.events)) {
    if (ev.when !== undefined) expr(["events", id, "when"], "boolean");
    effects(["events", id, "effects"], ev.effects);
    target(["events", id, "goto"], ev.goto, "goto target");
    if (ev.when === undefined && ev.chance_per_week === undefined) {
      warn(
        ["events", id],
        "this event has neither when nor chance_per_week, so it fires in the first week",
        "key",
      );
    }
    if (ev.goto === undefined && ev.effects === undefined)
      warn(["events", id], "this event has no effects and no goto", "key");
  }
  for (const [id, end] of entries(data.endings)) {
    if (end.when !== undefined) expr(["endings", id, "when"], "boolean");
  }

  const world = isObj(data.world) ? data.world : {};
  const groups = new Set(keys(world.groups));
  const group = (path: DocPath, value: unknown) => {
    if (typeof value === "string" && !groups.has(value))
      error(path, `unknown group "${value}"${didYouMean(value, groups)}`);
  };
  list(world.walls).forEach((w, i) => {
    if (!isObj(w)) return;
    list(w.around).forEach((g, j) => {
      group(["world", "walls", i, "around", j], g);
    });
    expr(["world", "walls", i, "when"], "boolean");
  });
  list(world.queues).forEach((q, i) => {
    if (!isObj(q)) return;
    group(["world", "queues", i, "at"], q.at);
    expr(["world", "queues", i, "when"], "boolean");
  });

  out.push(...graphDiagnostics(source, data, scope, endingIds));
  out.push(...unusedDiagnostics(source, data, scope));
  return out;
}

function chanceSum(
  path: DocPath,
  outcomes: unknown[],
  error: (p: DocPath, m: string) => void,
  warn: (p: DocPath, m: string) => void,
) {
  if (outcomes.length === 0) return;
  const chances = outcomes.map((o) => (isObj(o) ? o.chance : undefined));
  const open = chances.filter((c) => c === undefined).length;
  const sum = chances.reduce<number>((s, c) => s + (typeof c === "number" ? c : 0), 0);
  const total = Math.round(sum * 1e9) / 1e9;
  if (open > 1)
    error(path, `${open} outcomes have no chance; at most one may omit it (it takes what is left)`);
  else if (open === 0 && Math.abs(sum - 1) > 1e-9) error(path, `outcome chances add up to ${total}, not 1`);
  else if (open === 1 && sum > 1 + 1e-9) error(path, `outcome chances add up to ${total}, more than 1`);
  else if (open === 1 && Math.abs(sum - 1) <= 1e-9)
    warn(path, "the outcome without a chance can never happen: the others already add up to 1");
}

function forbiddenKeys(
  value: unknown,
  path: (string | number)[],
  error: (p: DocPath, m: string, part: "key") => void,
) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) forbiddenKeys(value[i], [...path, i], error);
  } else if (isObj(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) error([...path, key], `"${key}" cannot be used as a key`, "key");
      else forbiddenKeys(value[key], [...path, key], error);
    }
  }
}

function didYouMean(word: string, known: Iterable<string>): string {
  const best = closest(word, known);
  return best === undefined ? "" : ` (did you mean "${best}"?)`;
}

/** Reachability from start, nodes that cannot reach any ending, and endings nothing leads to. */
function graphDiagnostics(
  source: ScenarioSource,
  data: Obj,
  scope: NameScope,
  endingIds: Set<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const graph = storyGraphOf(data, endingIds);
  const { reached, canEnd, targeted } = reachability(graph);
  if (typeof data.start === "string" && scope.nodes.has(data.start)) {
    for (const id of scope.nodes) {
      if (!reached.has(id)) {
        out.push(
          source.diagnostic(["nodes", id], "warning", `node "${id}" cannot be reached from start`, "key"),
        );
      }
    }
  }
  for (const id of scope.nodes) {
    if (!canEnd.has(id) && (graph.edges.get(id)?.length ?? 0) > 0) {
      const message = `node "${id}" has no way out: no path from it leads to an ending`;
      out.push(source.diagnostic(["nodes", id], "error", message, "key"));
    }
  }
  const anyTarget = new Set<string>(graph.eventTargets);
  for (const next of graph.edges.values()) for (const n of next) anyTarget.add(n);
  for (const [id, end] of entries(data.endings)) {
    if (typeof end.when === "string") continue;
    if (!anyTarget.has(id)) {
      const message = `ending "${id}" is never reached: no goto leads to it and it has no when condition`;
      out.push(source.diagnostic(["endings", id], "warning", message, "key"));
    } else if (!targeted.has(id)) {
      const message = `ending "${id}" is only reached from nodes that cannot be reached`;
      out.push(source.diagnostic(["endings", id], "warning", message, "key"));
    }
  }
  return out;
}

/** The story graph of a (possibly malformed) scenario file. */
function storyGraphOf(data: Obj, endingIds: Set<string>): StoryGraph {
  const edges = new Map<string, string[]>();
  const timePasses = new Set<string>();
  for (const [nodeId, node] of entries(data.nodes)) {
    const next = new Set<string>();
    for (const c of list(node.choices)) {
      if (!isObj(c)) continue;
      if (typeof c.goto === "string") next.add(c.goto);
      for (const o of list(c.outcomes)) if (isObj(o) && typeof o.goto === "string") next.add(o.goto);
      if (c.weeks === undefined || (typeof c.weeks === "number" && c.weeks > 0)) timePasses.add(nodeId);
    }
    edges.set(nodeId, [...next]);
  }
  const eventTargets = entries(data.events)
    .map(([, e]) => e.goto)
    .filter((g): g is string => typeof g === "string");
  return {
    start: typeof data.start === "string" ? data.start : null,
    edges,
    endingIds,
    eventTargets,
    timePasses,
    timeCanEnd:
      entries(data.endings).some(([, e]) => typeof e.when === "string") ||
      eventTargets.some((t) => endingIds.has(t)),
  };
}

/** Declared names that nothing uses: usually a typo elsewhere or a leftover. */
function unusedDiagnostics(source: ScenarioSource, data: Obj, scope: NameScope): Diagnostic[] {
  const text = JSON.stringify([
    data.nodes,
    data.events,
    data.endings,
    data.flows,
    data.modifiers,
    data.world,
  ]);
  const out: Diagnostic[] = [];
  for (const id of scope.modifiers) {
    if (!new RegExp(`"(add|remove)":\\[[^\\]]*"${escapeRegExp(id)}"`).test(text)) {
      out.push(
        source.diagnostic(
          ["modifiers", id],
          "warning",
          `modifier "${id}" is never added by any choice, outcome or event`,
          "key",
        ),
      );
    }
  }
  for (const id of scope.flags) {
    const set = new RegExp(`"set":\\{[^}]*"${escapeRegExp(id)}":`).test(text);
    const read = new RegExp(`flags\\.${escapeRegExp(id)}\\b`).test(text);
    if (!set && !read)
      out.push(source.diagnostic(["flags", id], "warning", `flag "${id}" is never set or read`, "key"));
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
