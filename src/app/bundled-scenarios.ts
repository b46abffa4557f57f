import bundled from "virtual:bundled-scenarios";
import type { Diagnostic, Scenario } from "../engine/index";

/** A bundled scenario file: loaded, or with the diagnostics that stop it from loading. */
export type BundledScenario =
  | { file: string; ok: true; scenario: Scenario; diagnostics: Diagnostic[] }
  | { file: string; ok: false; diagnostics: Diagnostic[] };

/**
 * The scenarios in scenarios/*.yaml, parsed, validated and compiled at build time by the engine's own loader
 * (scripts/bundled-scenarios-plugin.ts). Broken ones are reported, never thrown. Tutorials sort first.
 */
export function loadBundledScenarios(): BundledScenario[] {
  return (bundled as BundledScenario[]).slice().sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

function sortKey(s: BundledScenario): string {
  if (!s.ok) return `2${s.file}`;
  return `${s.scenario.title.startsWith("Tutorial") ? 0 : 1}${s.scenario.title}`;
}
