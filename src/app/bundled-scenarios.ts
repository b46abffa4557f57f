import { type Diagnostic, loadScenario, type Scenario } from "../engine/index";

/** The YAML files in scenarios/, bundled as text at build time. */
const files = import.meta.glob("/scenarios/*.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** A bundled scenario file: loaded, or with the diagnostics that stop it from loading. */
export type BundledScenario =
  | { file: string; ok: true; scenario: Scenario; diagnostics: Diagnostic[] }
  | { file: string; ok: false; diagnostics: Diagnostic[] };

/** Loads every bundled scenario; broken ones are reported, never thrown. Tutorials sort first. */
export function loadBundledScenarios(): BundledScenario[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const file = path.replace(/^\//, "");
      const result = loadScenario(file, text);
      return result.ok
        ? { file, ok: true as const, scenario: result.scenario, diagnostics: result.diagnostics }
        : { file, ok: false as const, diagnostics: result.diagnostics };
    })
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

function sortKey(s: BundledScenario): string {
  if (!s.ok) return `2${s.file}`;
  return `${s.scenario.title.startsWith("Tutorial") ? 0 : 1}${s.scenario.title}`;
}
