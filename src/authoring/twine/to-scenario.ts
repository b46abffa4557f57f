import { stringify } from "yaml";
import { analyzePassage, type ChoiceDraft, type PassageResult, short } from "./analyze";
import { type Dialect, parsePassage } from "./markup";
import { plainText } from "./text";
import { type ImportWarning, TwineImportError, type TwineStory } from "./types";
import { type Assignment, translateCondition, type VariableKind } from "./variables";

/** The largest scenario the engine accepts (src/engine/source.ts); the importer refuses to write more. */
const MAX_SCENARIO_CHARS = 1_000_000;

const RESERVED = new Set(
  "and or not true false week flags modifiers visited min max abs round floor ceil clamp set add remove".split(
    " ",
  ),
);

/** SugarCube's and Harlowe's special passages that hold no story; they are left out with a warning. */
const SPECIAL = new Set([
  "StoryCaption",
  "StoryMenu",
  "StoryBanner",
  "StorySubtitle",
  "StoryDisplayTitle",
  "StoryInterface",
  "StoryShare",
  "PassageReady",
  "PassageDone",
  "PassageHeader",
  "PassageFooter",
]);
const SPECIAL_TAGS = [
  "header",
  "footer",
  "debug-header",
  "debug-footer",
  "widget",
  "Twine.private",
  "annotation",
];

/** What the importer made of a story: the scenario as YAML text and as data, and every warning. */
export interface ScenarioImport {
  yaml: string;
  scenario: Record<string, unknown>;
  warnings: ImportWarning[];
}

/** Lower-case words joined by `-`, as ids need; `fallback` when nothing is left. */
export function slugify(s: string, fallback: string): string {
  const slug = s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** Ids already given, and the next number to try for each base, so many alike stay fast. */
class Ids {
  private taken = new Set<string>();
  private next = new Map<string, number>();
  unique(base: string): string {
    let id = base;
    let n = this.next.get(base) ?? 2;
    while (this.taken.has(id)) id = `${base}-${n++}`;
    this.next.set(base, n);
    this.taken.add(id);
    return id;
  }
}

/** `totalPoints` and `total_points` read as "Total points". */
function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.$]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/** Picks the markup to read: the declared format, else a guess from the passages' text. */
function dialectOf(story: TwineStory, warnings: ImportWarning[]): Dialect {
  const declared = story.format?.toLowerCase() ?? "";
  for (const d of ["harlowe", "sugarcube", "chapbook"] as const) if (declared.includes(d)) return d;
  const all = story.passages.map((p) => p.text).join("\n");
  const guess: Dialect = /<<\s*[A-Za-z=]/.test(all)
    ? "sugarcube"
    : /\([A-Za-z][\w-]*:/.test(all)
      ? "harlowe"
      : /^\s*--\s*$|^\s*\[(if|unless|else|continue)/m.test(all) || /\{[a-z][a-z ]*:/.test(all)
        ? "chapbook"
        : "harlowe";
  const what = story.format ? `is "${story.format}", which the importer does not know` : "is not declared";
  warnings.push({ message: `the story format ${what}; its markup was read as ${guess}'s` });
  return guess;
}

/** Sums without binary noise: 0.1 + 0.2 is 0.3. */
const sum = (a: number, b: number) => Number((a + b).toPrecision(12));

type Op = { kind: "add"; n: number } | { kind: "set"; n: number } | { kind: "flag"; b: boolean };

/** Builds the scenario for one story. Throws TwineImportError when the result would be too large. */
export function storyToScenario(story: TwineStory, fileName: string): ScenarioImport {
  const warnings: ImportWarning[] = [...story.warnings];
  const warned = new Set<string>();
  const warn = (passage: string | undefined, message: string) => {
    const key = `${passage ?? ""}\u0000${message}`;
    if (!warned.has(key)) warnings.push(passage === undefined ? { message } : { passage, message });
    warned.add(key);
  };
  const dialect = dialectOf(story, warnings);

  // Which passages are story, which initialise variables, which are left out.
  const init: string[] = [];
  const body: TwineStory["passages"] = [];
  let author: string | undefined;
  for (const p of story.passages) {
    const tags = p.tags.map((t) => t.toLowerCase());
    if (tags.includes("script") || tags.includes("stylesheet")) {
      warn(p.name, `a ${tags.includes("script") ? "script" : "stylesheet"} passage; dropped, never run`);
    } else if (p.name === "StoryAuthor") {
      author = p.text.trim() || undefined;
    } else if (p.name === "StoryInit" || tags.includes("startup") || tags.includes("debug-startup")) {
      init.push(p.name);
    } else if (SPECIAL.has(p.name) || SPECIAL_TAGS.some((t) => tags.includes(t.toLowerCase()))) {
      warn(p.name, "a special passage of the story format, not part of the story; left out");
    } else body.push(p);
  }
  if (body.length === 0) throw new TwineImportError(`the story "${story.name}" has no passages to import`);
  const names = new Set(body.map((p) => p.name));
  let startName = story.start;
  if (startName !== undefined && !names.has(startName)) {
    warn(undefined, `the start passage "${startName}" does not exist; the first passage is the start`);
    startName = undefined;
  }
  startName ??= names.has("Start") ? "Start" : body[0]!.name;

  // Read every passage.
  const results = new Map<string, PassageResult>();
  for (const p of [...story.passages.filter((q) => init.includes(q.name)), ...body]) {
    try {
      results.set(p.name, analyzePassage(parsePassage(p.text, dialect)));
    } catch (e) {
      if (e instanceof TwineImportError) throw new TwineImportError(`passage "${p.name}": ${e.message}`);
      throw e;
    }
  }

  // Variables: numbers become metrics, true/false flags; the rest is warned about.
  const seen = new Map<string, { types: Set<string>; passage: string }>();
  const note = (a: Assignment, passage: string) => {
    if (a.op === "other") {
      warn(passage, `the assignment "${short(a.raw)}" is not mapped: ${a.why}`);
      return;
    }
    const entry = seen.get(a.variable) ?? { types: new Set<string>(), passage };
    entry.types.add(a.op === "add" ? "number" : typeof a.value);
    seen.set(a.variable, entry);
  };
  for (const [name, r] of results) {
    for (const a of r.arrival) note(a, name);
    for (const c of r.choices) for (const a of c.own) note(a, name);
  }
  const vars = new Map<string, VariableKind>();
  const taken = new Set<string>();
  for (const [variable, { types, passage }] of seen) {
    const type = types.size === 1 ? [...types][0] : "mixed";
    let name = variable.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=\d)/, "_");
    if (RESERVED.has(name)) name = `${name}_`;
    for (let n = 2, base = name; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    if (type === "number") vars.set(variable, { kind: "metric", name });
    else if (type === "boolean") vars.set(variable, { kind: "flag", name });
    else if (type === "string")
      warn(passage, `$${variable} holds text; the scenario format has no text variables`);
    else warn(passage, `$${variable} holds values of different kinds; not mapped`);
  }

  // Start values: the initialising passages, then the start passage's own assignments.
  const startValues = new Map<string, number | boolean>();
  const apply = (list: Assignment[], state: Map<string, number | boolean>) => {
    for (const a of list) {
      const v = vars.get(a.variable);
      if (!v || a.op === "other") continue;
      if (a.op === "add") state.set(a.variable, sum(Number(state.get(a.variable) ?? 0), Number(a.value)));
      else state.set(a.variable, a.value as number | boolean);
    }
  };
  for (const name of init) {
    const r = results.get(name)!;
    apply(r.arrival, startValues);
    for (const c of r.choices) warn(name, `the link "${c.label}" in an initialising passage is ignored`);
  }
  apply(results.get(startName)!.arrival, startValues);

  // Chapbook reveal links fold the revealed passage into the choice.
  const revealedOnly = new Set<string>();
  for (const [, r] of results) {
    for (const c of r.choices) {
      if (c.reveal === undefined) continue;
      const shown = results.get(c.reveal);
      if (shown && names.has(c.reveal)) {
        c.own.push(...shown.arrival);
        const t = plainText(shown.text, dialect);
        if (t) c.text = t;
        revealedOnly.add(c.reveal);
      } else {
        c.target = c.reveal; // not a passage of the story: dropped below, with a warning
        c.reveal = undefined;
      }
    }
  }
  for (const [, r] of results)
    for (const c of r.choices) if (c.target !== undefined) revealedOnly.delete(c.target);
  revealedOnly.delete(startName);
  for (const n of revealedOnly) warn(n, "only revealed in place by a {reveal link}; folded into that choice");

  // Nodes and endings.
  const ids = new Map<string, string>();
  const idsTaken = new Ids();
  const included = body.filter((p) => !revealedOnly.has(p.name));
  for (const p of included) ids.set(p.name, idsTaken.unique(slugify(p.name, "passage")));
  const usedFlags = new Set<string>();

  const effectsOf = (list: Assignment[]): Record<string, unknown> | undefined => {
    const ops = new Map<string, Op>();
    for (const a of list) {
      const v = vars.get(a.variable);
      if (!v || a.op === "other") continue;
      const prev = ops.get(v.name);
      if (v.kind === "flag") ops.set(v.name, { kind: "flag", b: a.value as boolean });
      else if (a.op === "set") ops.set(v.name, { kind: "set", n: a.value as number });
      else if (prev?.kind === "set") ops.set(v.name, { kind: "set", n: sum(prev.n, Number(a.value)) });
      else ops.set(v.name, { kind: "add", n: sum(prev?.kind === "add" ? prev.n : 0, Number(a.value)) });
    }
    const effects: Record<string, unknown> = {};
    const set: Record<string, boolean> = {};
    for (const [name, op] of ops) {
      if (op.kind === "flag") {
        set[name] = op.b;
        usedFlags.add(name);
      } else if (op.kind === "add") {
        if (op.n !== 0) effects[name] = op.n;
      } else {
        effects[name] = `${op.n} - ${name}`;
      }
    }
    if (Object.keys(set).length > 0) effects.set = set;
    return Object.keys(effects).length > 0 ? effects : undefined;
  };

  const nodes: Record<string, Record<string, unknown>> = {};
  const choiceIdsOf = new Map<string, Ids>();
  const endings: Record<string, Record<string, unknown>> = {};
  for (const p of included) {
    const r = results.get(p.name)!;
    const id = ids.get(p.name)!;
    let text = plainText(r.text, dialect);
    for (const w of r.warnings) warn(p.name, w);
    const choices: ChoiceDraft[] = [];
    for (const c of r.choices) {
      if (c.label.trim() === "") {
        warn(p.name, `a link to "${c.target ?? p.name}" has no text; it reads "(no label)": write one`);
        c.label = "(no label)";
      }
      if (c.target !== undefined && !ids.has(c.target)) {
        warn(
          p.name,
          `the link "${c.label}" leads to "${c.target}", which is not a passage of the story; dropped`,
        );
      } else choices.push(c);
    }
    const leaves = choices.some((c) => c.target !== undefined);
    if (!leaves && p.name === startName) {
      warn(p.name, "the start passage has no links out; it stays a node (the start must be one)");
    } else if (!leaves) {
      for (const c of choices)
        warn(
          p.name,
          `the link "${c.label}" acts in place, but this passage is an ending; dropped with the text it reveals`,
        );
      endings[id] = { title: p.name, ...(text ? { text } : {}), rating: 1 };
      warn(p.name, "no links lead out, so it is an ending; its rating (0-3) is 1 until you judge it");
      continue;
    }
    if (!text) {
      text = p.name;
      warn(p.name, "the passage has no text of its own; the node's text is its name: describe the situation");
    }
    const choiceIds = new Ids();
    choiceIdsOf.set(id, choiceIds);
    const labels = new Set<string>();
    const out: Record<string, unknown>[] = [];
    for (const c of choices) {
      if (labels.has(c.label)) {
        warn(p.name, `several choices read "${c.label}"; players cannot tell them apart: relabel them`);
      }
      labels.add(c.label);
      const revealed = c.text !== undefined && c.reveal === undefined ? plainText(c.text, dialect) : c.text;
      const cid = choiceIds.unique(slugify(c.label, "choice"));
      const arrival = c.target !== undefined ? results.get(c.target)!.arrival : [];
      const effects = effectsOf([...c.own, ...arrival]);
      let requires: string | undefined;
      if (c.conds.length > 0) {
        try {
          const parts = c.conds.map((k) => {
            const e = translateCondition(k.cond, dialect, vars);
            return k.negate
              ? /^[\w.]+$/.test(e)
                ? `not ${e}`
                : `not (${e})`
              : c.conds.length > 1 && / or /.test(e)
                ? `(${e})`
                : e;
          });
          requires = parts.join(" and ");
          for (const m of requires.matchAll(/\bflags\.(\w+)/g)) usedFlags.add(m[1]!);
        } catch (e) {
          const cond = c.conds
            .map((k) => (k.negate ? `not (${k.cond.trim()})` : k.cond.trim()))
            .join(" and ");
          warn(
            p.name,
            `the condition "${short(cond)}" on "${c.label}" is not mapped (${(e as Error).message}); the choice is always available`,
          );
        }
      }
      const goto = c.target !== undefined ? ids.get(c.target)! : id;
      out.push({
        id: cid,
        label: c.label,
        ...(requires ? { requires } : {}),
        ...(effects ? { effects } : {}),
        ...(revealed ? { outcomes: [{ goto, text: revealed }] } : { goto }),
      });
    }
    nodes[id] = { title: p.name, text, choices: out };
  }

  // Every node needs a way to an ending: where none exists, an "End the story here" choice is added.
  const before = new Map<string, string[]>(); // target id -> ids of the nodes with a choice leading there
  const passageOf = new Map(included.map((p) => [ids.get(p.name)!, p.name]));
  for (const [id, n] of Object.entries(nodes)) {
    for (const c of n.choices as { goto?: string; outcomes?: { goto: string }[] }[]) {
      for (const t of c.goto ? [c.goto] : (c.outcomes ?? []).map((o) => o.goto)) {
        const list = before.get(t) ?? [];
        list.push(id);
        before.set(t, list);
      }
    }
  }
  const reach = new Set<string>();
  const spread = (from: string) => {
    const queue = [from];
    reach.add(from);
    while (queue.length > 0) {
      for (const prev of before.get(queue.pop()!) ?? []) {
        if (!reach.has(prev)) {
          reach.add(prev);
          queue.push(prev);
        }
      }
    }
  };
  for (const id of Object.keys(endings)) spread(id);
  let endId: string | undefined;
  for (const [id, n] of Object.entries(nodes)) {
    if (reach.has(id)) continue;
    endId ??= idsTaken.unique("the-end");
    (n.choices as Record<string, unknown>[]).push({
      id: choiceIdsOf.get(id)!.unique("end-here"),
      label: "End the story here",
      goto: endId,
    });
    warn(passageOf.get(id), 'no path from here reaches an ending; an "End the story here" choice was added');
    spread(id);
  }
  if (endId !== undefined) endings[endId] = { title: "The end", rating: 1 };

  // Metrics and flags.
  const metrics: Record<string, Record<string, unknown>> = {};
  const flags: Record<string, Record<string, unknown>> = {};
  for (const [variable, v] of vars) {
    const start = startValues.get(variable);
    if (v.kind === "metric")
      metrics[v.name] = { label: humanize(variable), start: typeof start === "number" ? start : 0 };
    else if (usedFlags.has(v.name)) flags[v.name] = { label: humanize(variable), start: start === true };
  }
  if (Object.keys(metrics).length === 0) {
    metrics.trust = { label: "Trust", start: 50, min: 0, max: 100 };
    metrics.money = { label: "Budget", start: 100, min: 0, unit: "k£" };
    metrics.velocity = { label: "Velocity", start: 1, min: 0, unit: "deploys/month", decimals: 1 };
    warn(
      undefined,
      "the story has no numeric variables; trust, money and velocity were added: give choices effects",
    );
  }

  const title = story.name.trim() || "Imported Twine story";
  const decisions = Object.keys(nodes).length;
  const scenario: Record<string, unknown> = {
    format: 1,
    id: slugify(title, "imported-story"),
    title,
    summary: `Imported from the Twine story "${title}": rewrite this summary for the scenario picker.`,
    minutes: Math.min(600, Math.max(5, Math.round(decisions * 2))),
    objectives: ["Write what players should learn from this scenario."],
    source: `Imported from ${fileName} (Twine story "${title}"${author ? ` by ${author}` : ""}, ${dialect})`,
    metrics,
    ...(Object.keys(flags).length > 0 ? { flags } : {}),
    start: ids.get(startName)!,
    nodes,
    endings,
  };
  warn(undefined, "the summary, objectives and minutes are placeholders: write them");
  const yaml = `# Imported from Twine (${fileName}); check it with: npm run scenario -- validate <this file>\n${stringify(scenario, { lineWidth: 0 })}`;
  if (yaml.length > MAX_SCENARIO_CHARS) {
    throw new TwineImportError(
      `the scenario would be ${(yaml.length / 1_000_000).toFixed(1)} MB; a scenario file may be at most 1 MB`,
    );
  }
  return { yaml, scenario, warnings };
}
