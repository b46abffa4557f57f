import { readFileSync, statSync } from "node:fs";
import { type Diagnostic, type LoadResult, loadScenario, MAX_SCENARIO_BYTES } from "../engine/index";

/** Reads and loads a scenario file; unreadable files become diagnostics like any other problem. */
export function loadScenarioFile(path: string): LoadResult {
  const fail = (message: string): LoadResult => ({ ok: false, diagnostics: [problem(path, message)] });
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail("this is a folder, not a scenario file");
    size = stat.size;
  } catch {
    return fail("no such file");
  }
  if (size > MAX_SCENARIO_BYTES * 4) {
    return fail(
      `the file is too large (${(size / 1_000_000).toFixed(1)} MB); a scenario file may be at most 1 MB`,
    );
  }
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("this is not a UTF-8 text file (it contains binary data); a scenario is a YAML text file");
  }
  return loadScenario(path, text.replace(/^\uFEFF/, ""));
}

function problem(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: "error", message };
}
