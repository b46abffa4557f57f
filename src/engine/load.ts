import { compileScenario } from "./compile";
import { type Diagnostic, hasErrors, sortDiagnostics } from "./diagnostics";
import type { ScenarioFile } from "./format";
import { meaningDiagnostics } from "./meaning";
import type { Scenario } from "./model";
import { schemaDiagnostics } from "./schema-diagnostics";
import { ScenarioSource } from "./source";

/** The result of loading a scenario file: the scenario when there are no errors, and every diagnostic either way. */
export type LoadResult =
  | { ok: true; scenario: Scenario; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Parses, validates and compiles a scenario file's text. Never throws on bad input. */
export function loadScenario(file: string, text: string): LoadResult {
  try {
    return load(file, text);
  } catch (e) {
    // A bug of ours must still read as a diagnostic, not a stack trace.
    const message = `the file could not be checked (internal error: ${(e as Error)?.message ?? String(e)})`;
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, severity: "error", message }] };
  }
}

function load(file: string, text: string): LoadResult {
  const parsed = ScenarioSource.parse(file, text);
  if ("diagnostics" in parsed) {
    return { ok: false, diagnostics: sortDiagnostics(parsed.diagnostics) };
  }
  const { source } = parsed;
  const meaning = meaningDiagnostics(source);
  const refused = meaning.some((d) => d.message.includes("update Change Is Hard"));
  const diagnostics = sortDiagnostics(refused ? meaning : dedupe([...schemaDiagnostics(source), ...meaning]));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, scenario: compileScenario(source.data as ScenarioFile), diagnostics };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
