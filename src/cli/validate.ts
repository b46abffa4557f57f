import { formatDiagnostic } from "../engine/index";
import { UsageError } from "./args";
import { loadScenarioFile } from "./files";
import type { Output } from "./output";

/** `validate <files...>`: every diagnostic of every file on stderr; exit 1 when any file has errors. */
export function validateCommand(files: string[], out: Output): number {
  if (files.length === 0) throw new UsageError("validate needs at least one file");
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const result = loadScenarioFile(file);
    for (const d of result.diagnostics) {
      out.err(formatDiagnostic(d));
      if (d.severity === "error") errors++;
      else warnings++;
    }
  }
  const s = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  out.err(`${s(files.length, "file")} checked: ${s(errors, "error")}, ${s(warnings, "warning")}`);
  return errors > 0 ? 1 : 0;
}
