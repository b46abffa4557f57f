import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { importTwine, type TwineImport } from "../../src/authoring/twine/index";
import { formatDiagnostic, loadScenario } from "../../src/engine/index";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** The shared Twine examples: `../shared/twine/examples` beside the repository (CI copies shared/ there). */
export const EXAMPLES = resolve(REPO, "../shared/twine/examples");

/** The example files; fails with a clear message when the shared folder is missing, never skips. */
export function exampleFiles(): string[] {
  if (!existsSync(EXAMPLES)) {
    throw new Error(
      `the Twine examples are missing: expected them at ${EXAMPLES} (../shared/twine/examples relative to the repository root; CI must clone shared/ beside the repo)`,
    );
  }
  return readdirSync(EXAMPLES).sort();
}

export const example = (name: string) => readFileSync(join(EXAMPLES, name), "utf8");
export const fixture = (name: string) => readFileSync(join(REPO, "test/fixtures/twine", name), "utf8");

type Choice = {
  id: string;
  label: string;
  goto?: string;
  requires?: string;
  effects?: Record<string, unknown>;
  outcomes?: { goto: string; text?: string }[];
};
type Node = { title: string; text: string; choices: Choice[] };

/** The imported scenario, typed loosely for assertions. */
export function scenarioOf(r: TwineImport) {
  return r.scenario as {
    title: string;
    start: string;
    source: string;
    metrics: Record<string, { label: string; start: number }>;
    flags?: Record<string, { label: string; start: boolean }>;
    nodes: Record<string, Node>;
    endings: Record<string, { title: string; text?: string; rating: number }>;
  };
}

export function choice(r: TwineImport, node: string, id: string): Choice {
  const n = scenarioOf(r).nodes[node];
  if (!n) throw new Error(`no node ${node}: ${Object.keys(scenarioOf(r).nodes).join(", ")}`);
  const c = n.choices.find((x) => x.id === id);
  if (!c) throw new Error(`no choice ${id} in ${node}: ${n.choices.map((x) => x.id).join(", ")}`);
  return c;
}

/** Imports and checks that the engine loads the YAML without errors; returns the import and the diagnostics. */
export function importChecked(text: string, fileName: string, story?: string) {
  const r = importTwine(text, { fileName, ...(story !== undefined ? { story } : {}) });
  const loaded = loadScenario(`${fileName}.yaml`, r.yaml);
  expect(
    loaded.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic),
    "the imported scenario must load",
  ).toEqual([]);
  expect(loaded.ok).toBe(true);
  return { r, diagnostics: loaded.diagnostics.map(formatDiagnostic) };
}

/** Warnings as `passage: message` lines, for readable assertions. */
export const warningLines = (r: TwineImport) =>
  r.warnings.map((w) => (w.passage !== undefined ? `${w.passage}: ${w.message}` : w.message));
