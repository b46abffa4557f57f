import type { Diagnostic } from "../../engine/index";

/**
 * The validator's problems as a list beside the editor ("Line 12, column 5: error: ..."): readable by screen
 * readers, and each moves the editor's cursor to its place.
 */
export function DiagnosticsList({
  diagnostics,
  onSelect,
}: {
  diagnostics: Diagnostic[];
  onSelect: (line: number, column: number) => void;
}) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return (
    <section class="diagnostics" aria-labelledby="problems-heading">
      <h2 id="problems-heading">Problems</h2>
      <p role="status" class="muted">
        {diagnostics.length === 0
          ? "No problems: the scenario is valid."
          : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.`}
      </p>
      {diagnostics.length > 0 && (
        <ul aria-labelledby="problems-heading" class="diagnostic-list">
          {diagnostics.map((d) => (
            <li key={`${d.line}:${d.column}:${d.message}`} class={d.severity}>
              <button type="button" class="link-button" onClick={() => onSelect(d.line, d.column)}>
                Line {d.line}, column {d.column}: {d.severity}: {d.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
