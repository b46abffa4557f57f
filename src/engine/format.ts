import { z } from "zod";

// Zod would otherwise build its fast paths with `new Function`; scenario tooling must never generate code.
z.config({ jitless: true });

/** The newest scenario format this engine reads. */
export const FORMAT_VERSION = 1;

/** Ids of nodes, endings, events, choices and modifiers: letters, digits, `-` and `_`. */
export const ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]*$";
/** Metric and flag names appear in expressions, so they cannot contain `-`. */
export const NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";

const id = () => z.string().regex(new RegExp(ID_PATTERN));
const text = (what: string) => z.string().min(1).meta({ description: what });
const expression = (what: string) =>
  z
    .string()
    .min(1)
    .meta({ description: `${what} (expression)` });
const numberOrExpression = (what: string) =>
  z.union([z.number(), z.string().min(1)]).meta({ description: `${what}: a number or an expression` });

const metric = z
  .strictObject({
    label: text("Name shown to players, e.g. Trust"),
    start: z.number().meta({ description: "Value at week 0" }),
    min: z.number().optional().meta({ description: "Lowest value; the engine clamps to it" }),
    max: z.number().optional().meta({ description: "Highest value; the engine clamps to it" }),
    unit: z.string().optional().meta({ description: "Unit shown after the value, e.g. k£ or deploys/month" }),
    hidden: z
      .boolean()
      .optional()
      .meta({ description: "Tracked by the simulation but not shown during play" }),
    description: z
      .string()
      .optional()
      .meta({ description: "What the metric means, for the glossary and tooltips" }),
    decimals: z.number().int().min(0).max(4).optional().meta({ description: "Decimals shown (default 0)" }),
  })
  .meta({ description: "A quantity the simulation tracks" });

const flag = z
  .strictObject({
    label: z.string().optional().meta({ description: "What the flag means when it is true" }),
    start: z.boolean().optional().meta({ description: "Value at week 0 (default false)" }),
  })
  .meta({ description: "A yes/no fact about the run, read in expressions as flags.<name>" });

const metricMap = (what: string) =>
  z
    .record(z.string().regex(new RegExp(NAME_PATTERN)), numberOrExpression(what))
    .meta({ description: `Metric name to ${what}` });

/** Keys of an effects block that are not metric names. */
export const EFFECT_KEYS = ["set", "add", "remove"] as const;

const effects = z
  .object({
    set: z
      .record(z.string().regex(new RegExp(NAME_PATTERN)), z.boolean())
      .optional()
      .meta({ description: "Flags to set true or false" }),
    add: z.array(id()).optional().meta({ description: "Modifiers to start (restarts one already active)" }),
    remove: z.array(id()).optional().meta({ description: "Modifiers to end" }),
  })
  .catchall(numberOrExpression("change to this metric, applied once"))
  .meta({
    description:
      "What happens at once: metric changes (metric: number or expression), flags set, modifiers added or removed",
  });

const modifier = z
  .strictObject({
    label: text("Name shown while the modifier is active"),
    description: z.string().optional(),
    flows: metricMap("weekly change while active"),
    weeks: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "How long it lasts; omit for until removed" }),
  })
  .meta({ description: "A named ongoing effect that choices add or remove" });

const outcome = z
  .strictObject({
    chance: z.number().min(0).max(1).optional().meta({
      description: "Probability 0..1; one outcome may omit it and takes what is left",
    }),
    goto: id().meta({ description: "Node or ending to go to" }),
    effects: effects.optional(),
    text: z.string().optional().meta({ description: "What happened, shown on arrival" }),
  })
  .meta({ description: "One possible result of a choice" });

const choice = z
  .strictObject({
    id: id().meta({ description: "Unique within its node; saves and replays refer to choices by id" }),
    label: text("The intervention, as the player reads it"),
    weeks: z
      .number()
      .int()
      .min(0)
      .max(104)
      .optional()
      .meta({ description: "Simulated weeks it takes (default 1)" }),
    requires: expression("Condition for the choice to be available").optional(),
    requires_text: z
      .string()
      .optional()
      .meta({ description: "Why it is unavailable, shown when requires fails" }),
    effects: effects.optional(),
    goto: id().optional().meta({ description: "Node or ending reached after the weeks pass" }),
    outcomes: z.array(outcome).min(1).optional().meta({ description: "Chance outcomes, instead of goto" }),
    debrief: z
      .string()
      .optional()
      .meta({ description: "What this choice does and why; shown in the debrief" }),
    real: z.boolean().optional().meta({ description: "The choice the real engagement made" }),
  })
  .meta({ description: "An intervention the player can pick" });

const node = z
  .strictObject({
    title: text("Heading of the decision"),
    text: text("The situation, in plain text"),
    facilitator: z
      .string()
      .optional()
      .meta({ description: "Private note for the facilitator: a question to ask" }),
    choices: z.array(choice).min(1),
  })
  .meta({ description: "A decision point" });

const event = z
  .strictObject({
    title: text("Heading of the interruption"),
    text: text("What happened"),
    when: expression("Condition checked every week").optional(),
    chance_per_week: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: "Chance each week the condition holds" }),
    once: z.boolean().optional().meta({ description: "Fire at most once per run (default true)" }),
    effects: effects.optional(),
    goto: id().optional().meta({ description: "Node or ending the interruption leads to" }),
  })
  .meta({ description: "An interruption checked every simulated week" });

const ending = z
  .strictObject({
    title: text("Heading of the ending"),
    text: z.string().optional(),
    when: expression("Condition checked after every week; reaching it ends the run").optional(),
    rating: z.number().int().min(0).max(3).meta({ description: "0 (failure) to 3 (best)" }),
    real: z.boolean().optional().meta({ description: "The ending the real engagement reached" }),
  })
  .meta({ description: "How a run can end" });

const group = z
  .strictObject({
    label: text("Name shown in the world, e.g. Security"),
    kind: z
      .enum(["team", "platform", "gatekeeper", "business", "vendor", "leadership"])
      .optional()
      .meta({ description: "How the group is drawn (default team)" }),
  })
  .meta({ description: "A team or department drawn in the world view" });

const world = z
  .strictObject({
    groups: z
      .record(id(), group)
      .meta({ description: "The organisation's teams and departments, in drawing order" }),
    walls: z
      .array(
        z.strictObject({
          around: z.array(id()).min(1).meta({ description: "Groups the silo wall encloses" }),
          when: expression("The wall stands while this holds"),
          label: z.string().optional(),
        }),
      )
      .optional()
      .meta({ description: "Silo walls that form and dissolve" }),
    queues: z
      .array(
        z.strictObject({
          at: id().meta({ description: "The group where the work waits" }),
          label: text("What waits, e.g. Firewall request"),
          when: expression("The queue is shown while this holds"),
        }),
      )
      .optional()
      .meta({ description: "Work waiting at a group" }),
  })
  .meta({ description: "How the world view draws the organisation (optional)" });

/** The shape of a scenario file: the single source of the validator and of `scenario.schema.json`. */
export const scenarioFileSchema = z
  .strictObject({
    format: z
      .number()
      .int()
      .min(1)
      .meta({ description: `Format version; this engine reads up to ${FORMAT_VERSION}` }),
    id: id().meta({ description: "Stable id, used in links (#/play/<id>) and saves" }),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "The scenario's own revision (default 1)" }),
    title: text("Title shown in the scenario picker"),
    summary: text("One or two sentences for the picker"),
    minutes: z.number().int().min(1).max(600).meta({ description: "Typical playing time in minutes" }),
    objectives: z.array(z.string().min(1)).min(1).meta({ description: "What players should learn" }),
    source: z.string().optional().meta({ description: "Credit for the story the scenario is based on" }),
    discussion: z.array(z.string().min(1)).optional().meta({ description: "Prompts for the debrief" }),
    glossary: z
      .record(z.string().min(1), z.string().min(1))
      .optional()
      .meta({ description: "Term to meaning" }),
    metrics: z.record(z.string().regex(new RegExp(NAME_PATTERN)), metric),
    flags: z.record(z.string().regex(new RegExp(NAME_PATTERN)), flag).optional(),
    flows: metricMap("weekly change").optional(),
    modifiers: z.record(id(), modifier).optional(),
    start: id().meta({ description: "The first node" }),
    nodes: z.record(id(), node),
    events: z.record(id(), event).optional(),
    endings: z.record(id(), ending),
    world: world.optional(),
  })
  .meta({
    title: "Change Is Hard scenario",
    description: "A scenario for Change Is Hard. See docs/scenario-format.md.",
  });

/** A scenario file as written by an author, after its shape has been checked. */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
/** The `effects` block of a choice, outcome or event. */
export type EffectsFile = z.infer<typeof effects>;

/** The JSON Schema published as `scenarios/scenario.schema.json`, generated from the zod schema above. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioFileSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
