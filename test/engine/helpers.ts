import { readFileSync } from "node:fs";
import { formatDiagnostic, loadScenario, type Scenario } from "../../src/engine/index";

/** Loads a scenario from YAML text, failing the test with its diagnostics when it has errors. */
export function scenarioFrom(yaml: string, file = "inline.yaml"): Scenario {
  const result = loadScenario(file, yaml);
  if (!result.ok)
    throw new Error(`scenario has errors:\n${result.diagnostics.map(formatDiagnostic).join("\n")}`);
  return result.scenario;
}

/** The engine's sample scenario. */
export function sampleScenario(): Scenario {
  const file = "scenarios/sample-firewall-request.yaml";
  return scenarioFrom(readFileSync(file, "utf8"), file);
}

/** A minimal valid scenario with `extra` YAML merged at the top level (later keys must not repeat). */
export const MINIMAL = `format: 1
id: minimal
title: Minimal
summary: The smallest useful scenario.
minutes: 5
objectives: [Test the engine]
`;
