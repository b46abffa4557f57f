import type { z } from "zod";
import type { Diagnostic } from "./diagnostics";
import { closest } from "./expression/check";
import { scenarioFileSchema } from "./format";
import type { DocPath, ScenarioSource } from "./source";

type AnySchema = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Checks the file's shape against the scenario schema and explains each mismatch at its YAML position. */
export function schemaDiagnostics(source: ScenarioSource): Diagnostic[] {
  const result = scenarioFileSchema.safeParse(source.data, { reportInput: true });
  if (result.success) return [];
  const out: Diagnostic[] = [];
  for (const issue of result.error.issues) out.push(...explain(issue, source));
  return out;
}

function explain(issue: z.core.$ZodIssue, source: ScenarioSource): Diagnostic[] {
  const path = issue.path as (string | number)[];
  const field = describeField(path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(path);
      return issue.keys.map((key) => {
        const hint = closest(key, allowed);
        const known = hint
          ? ` (did you mean "${hint}"?)`
          : allowed.length
            ? `; allowed here: ${allowed.join(", ")}`
            : "";
        return source.diagnostic([...path, key], "error", `unknown key "${key}"${known}`, "key");
      });
    }
    case "invalid_type": {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) {
        const parent = path.slice(0, -1);
        return [
          source.diagnostic(
            parent,
            "error",
            `missing required field "${String(path.at(-1))}"${within(parent)}`,
          ),
        ];
      }
      return [
        source.diagnostic(
          path,
          "error",
          `${field} should be ${article(issue.expected)}, not ${describeValue(input)}`,
        ),
      ];
    }
    case "invalid_union":
      return [
        source.diagnostic(
          path,
          "error",
          `${field} should be a number or an expression, not ${describeValue((issue as { input?: unknown }).input)}`,
        ),
      ];
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array") {
        return [
          source.diagnostic(path, "error", `${field} needs at least ${min} item${min === 1 ? "" : "s"}`),
        ];
      }
      if (issue.origin === "string") return [source.diagnostic(path, "error", `${field} cannot be empty`)];
      return [
        source.diagnostic(
          path,
          "error",
          `${field} must be at least ${min}, not ${describeValue((issue as { input?: unknown }).input)}`,
        ),
      ];
    }
    case "too_big":
      return [
        source.diagnostic(
          path,
          "error",
          `${field} must be at most ${Number(issue.maximum)}, not ${describeValue((issue as { input?: unknown }).input)}`,
        ),
      ];
    case "invalid_format": {
      const value = (issue as { input?: unknown }).input;
      const isName = /metrics|flags|flows|set/.test(String(path.at(-2) ?? "")) || path.at(-3) === "effects";
      return [
        source.diagnostic(
          path,
          "error",
          `${describeValue(value)} is not a valid ${isName ? "name" : "id"}: ${ruleFor(isName)}`,
        ),
      ];
    }
    case "invalid_key": {
      const key = String(path.at(-1));
      const isName =
        ["metrics", "flags", "flows", "set"].includes(String(path.at(-2))) || path.includes("flows");
      return [
        source.diagnostic(
          path,
          "error",
          `"${key}" is not a valid ${isName ? "name" : "id"}: ${ruleFor(isName)}`,
          "key",
        ),
      ];
    }
    case "not_multiple_of":
      return [source.diagnostic(path, "error", `${field} must be a whole number`)];
    default:
      return [source.diagnostic(path, "error", `${field}: ${issue.message}`)];
  }
}

function ruleFor(isName: boolean): string {
  return isName
    ? "start with a letter and use letters, digits and _ (names appear in expressions, where - means minus)"
    : "start with a letter or digit and use letters, digits, - and _";
}

function within(path: DocPath): string {
  return path.length === 0 ? " at the top of the file" : ` in ${describeField(path)}`;
}

function describeField(path: DocPath): string {
  if (path.length === 0) return "the file";
  const last = path.at(-1)!;
  if (typeof last === "number") return `item ${last + 1} of "${String(path.at(-2))}"`;
  return `"${last}"`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    number: "a number",
    string: "text",
    boolean: "true or false",
    array: "a list",
    object: "a mapping of keys to values",
  };
  return words[expected] ?? expected;
}

function describeValue(v: unknown): string {
  if (v === null) return "empty (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === "number") return `the number ${v}`;
  return String(v);
}

/** The keys an object at `path` may have, found by walking the zod schema along the path. */
function allowedKeys(path: DocPath): string[] {
  let schema: AnySchema | undefined = scenarioFileSchema as unknown as AnySchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (!schema) return [];
    const def = schema._zod.def;
    if (def.type === "object") {
      const shape = def.shape as Record<string, AnySchema>;
      schema = shape[String(seg)] ?? (def.catchall as AnySchema | undefined);
    } else if (def.type === "record") schema = def.valueType as AnySchema;
    else if (def.type === "array") schema = def.element as AnySchema;
    else return [];
  }
  schema = unwrap(schema);
  if (schema?._zod.def.type !== "object") return [];
  return Object.keys(schema._zod.def.shape as object);
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let s = schema;
  while (s && (s._zod.def.type === "optional" || s._zod.def.type === "default"))
    s = s._zod.def.innerType as AnySchema;
  return s;
}
