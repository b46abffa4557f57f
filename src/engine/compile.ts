import type { Expr } from "./expression/ast";
import { parseExpression } from "./expression/parse";
import type { EffectsFile, ScenarioFile } from "./format";
import { EFFECT_KEYS } from "./format";
import {
  type ChoiceDef,
  dict,
  type Effects,
  type MetricChange,
  type OutcomeDef,
  type Scenario,
} from "./model";

/** Turns a validated scenario file into the engine's model. Only call it on a file with no error diagnostics. */
export function compileScenario(file: ScenarioFile): Scenario {
  const metrics = Object.entries(file.metrics).map(([id, m]) => ({
    id,
    label: m.label,
    start: m.start,
    min: m.min ?? Number.NEGATIVE_INFINITY,
    max: m.max ?? Number.POSITIVE_INFINITY,
    unit: m.unit ?? "",
    hidden: m.hidden ?? false,
    description: m.description ?? "",
    decimals: m.decimals ?? 0,
  }));
  const modifiers = dict<Scenario["modifiers"][string]>();
  for (const [id, m] of Object.entries(file.modifiers ?? {})) {
    modifiers[id] = {
      id,
      label: m.label,
      description: m.description ?? "",
      flows: changes(m.flows),
      weeks: m.weeks ?? null,
    };
  }
  const nodes = dict<Scenario["nodes"][string]>();
  for (const [id, n] of Object.entries(file.nodes)) {
    nodes[id] = {
      id,
      title: n.title,
      text: n.text,
      facilitator: n.facilitator ?? "",
      choices: n.choices.map(compileChoice),
    };
  }
  const endings = dict<Scenario["endings"][string]>();
  for (const [id, e] of Object.entries(file.endings)) {
    endings[id] = {
      id,
      title: e.title,
      text: e.text ?? "",
      when: e.when === undefined ? null : expr(e.when),
      rating: e.rating,
      real: e.real ?? false,
    };
  }
  const glossary = dict<string>();
  for (const [term, meaning] of Object.entries(file.glossary ?? {})) glossary[term] = meaning;
  return {
    id: file.id,
    version: file.version ?? 1,
    format: file.format,
    title: file.title,
    summary: file.summary,
    minutes: file.minutes,
    objectives: file.objectives,
    source: file.source ?? "",
    discussion: file.discussion ?? [],
    glossary,
    metrics,
    flags: Object.entries(file.flags ?? {}).map(([id, f]) => ({
      id,
      label: f.label ?? id,
      start: f.start ?? false,
    })),
    flows: changes(file.flows ?? {}),
    modifiers,
    start: file.start,
    nodes,
    events: Object.entries(file.events ?? {}).map(([id, e]) => ({
      id,
      title: e.title,
      text: e.text,
      when: e.when === undefined ? null : expr(e.when),
      chancePerWeek: e.chance_per_week ?? 1,
      once: e.once ?? true,
      effects: compileEffects(e.effects),
      goto: e.goto ?? null,
    })),
    endings,
    conditionalEndings: Object.values(endings).filter((e) => e.when !== null),
    world: file.world
      ? {
          groups: Object.entries(file.world.groups).map(([id, g]) => ({
            id,
            label: g.label,
            kind: g.kind ?? "team",
          })),
          walls: (file.world.walls ?? []).map((w) => ({
            around: w.around,
            when: expr(w.when),
            label: w.label ?? "",
          })),
          queues: (file.world.queues ?? []).map((q) => ({ at: q.at, label: q.label, when: expr(q.when) })),
        }
      : null,
  };
}

function compileChoice(c: ScenarioFile["nodes"][string]["choices"][number]): ChoiceDef {
  let outcomes: OutcomeDef[];
  if (c.outcomes) {
    const given = c.outcomes.reduce((s, o) => s + (o.chance ?? 0), 0);
    outcomes = c.outcomes.map((o) => ({
      chance: o.chance ?? Math.max(0, 1 - given),
      goto: o.goto,
      effects: compileEffects(o.effects),
      text: o.text ?? "",
    }));
  } else {
    outcomes = [{ chance: 1, goto: c.goto!, effects: compileEffects(undefined), text: "" }];
  }
  return {
    id: c.id,
    label: c.label,
    weeks: c.weeks ?? 1,
    requires: c.requires === undefined ? null : expr(c.requires),
    requiresSource: c.requires ?? "",
    requiresText: c.requires_text ?? "",
    effects: compileEffects(c.effects),
    outcomes,
    debrief: c.debrief ?? "",
    real: c.real ?? false,
  };
}

function compileEffects(e: EffectsFile | undefined): Effects {
  if (!e) return { metrics: [], set: [], add: [], remove: [] };
  const metricPart: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(e)) {
    if (!(EFFECT_KEYS as readonly string[]).includes(k)) metricPart[k] = v as number | string;
  }
  return {
    metrics: changes(metricPart),
    set: Object.entries(e.set ?? {}).map(([flag, value]) => ({ flag, value })),
    add: e.add ?? [],
    remove: e.remove ?? [],
  };
}

function changes(map: Record<string, number | string>): MetricChange[] {
  return Object.entries(map).map(([metric, v]) => ({
    metric,
    expr: typeof v === "number" ? num(v) : expr(v),
  }));
}

function num(value: number): Expr {
  return { kind: "number", value, at: 0 };
}

function expr(source: string): Expr {
  const parsed = parseExpression(source);
  if ("error" in parsed) throw new Error(`compileScenario called on an invalid expression: ${source}`);
  return parsed.expr;
}
