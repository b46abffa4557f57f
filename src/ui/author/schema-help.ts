import { scenarioJsonSchema } from "../../engine/format";

/** A field of the scenario format with its help text, from the published JSON Schema. */
export interface FieldHelp {
  /** The top-level section it belongs to ("" for top-level keys themselves). */
  section: string;
  key: string;
  description: string;
}

let cache: FieldHelp[] | null = null;

/** Every described field of the format. */
export function fieldHelp(): FieldHelp[] {
  if (cache) return cache;
  const out: FieldHelp[] = [];
  const walk = (node: unknown, section: string | null) => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      for (const x of node) walk(x, section);
      return;
    }
    const o = node as Record<string, unknown>;
    const props = o.properties;
    if (typeof props === "object" && props !== null) {
      for (const [key, value] of Object.entries(props)) {
        const description = (value as { description?: unknown }).description;
        if (typeof description === "string") out.push({ section: section ?? "", key, description });
        walk(value, section ?? key);
      }
    }
    for (const [k, v] of Object.entries(o)) if (k !== "properties") walk(v, section);
  };
  walk(scenarioJsonSchema(), null);
  cache = out;
  return out;
}

/** The help for `key` written inside top-level `section` ("" at the top level). */
export function helpFor(key: string, section: string): string | null {
  const all = fieldHelp();
  const found =
    all.find((f) => f.key === key && f.section === section) ?? all.find((f) => f.key === key) ?? null;
  return found?.description ?? null;
}
