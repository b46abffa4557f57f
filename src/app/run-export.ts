import { lookup, type RunState, type Scenario, tripleOf } from "../engine/index";
import { SAVE_FORMAT } from "./save-format";

/** A run as exported JSON: the reproducible triple, where it ended, and the full history. */
export function runToJson(scenario: Scenario, state: RunState, exportedAt: Date): string {
  const data = {
    kind: "change-is-hard-run",
    saveFormat: SAVE_FORMAT,
    exportedAt: exportedAt.toISOString(),
    scenarioTitle: scenario.title,
    ...tripleOf(state),
    status: state.status,
    ending: state.ending,
    week: state.week,
    history: state.history,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A run week by week as CSV: every metric, and the choices, events and ending of each week. */
export function runToCsv(scenario: Scenario, state: RunState): string {
  return toCsv([weekHeader(scenario), ...weekRows(scenario, state)]);
}

/** The header cells of a week-by-week export: week, every metric (with its unit), choices, events, ending. */
export function weekHeader(scenario: Scenario): string[] {
  const metrics = scenario.metrics.map((m) => (m.unit ? `${m.label} (${m.unit})` : m.label));
  return ["week", ...metrics, "choices", "events", "ending"].map(textCell);
}

/** One row of cells per simulated week of a run, matching `weekHeader`. */
export function weekRows(scenario: Scenario, state: RunState): string[][] {
  return state.history.points.map((point) => {
    const choices: string[] = [];
    const events: string[] = [];
    let ending = "";
    for (const e of state.history.log) {
      if (e.week !== point.week) continue;
      if (e.kind === "choice") {
        choices.push(
          lookup(scenario.nodes, e.node)?.choices.find((c) => c.id === e.choice)?.label ?? e.choice,
        );
      } else if (e.kind === "event") {
        events.push(scenario.events.find((x) => x.id === e.event)?.title ?? e.event);
      } else if (e.kind === "ending") {
        ending = lookup(scenario.endings, e.ending)?.title ?? e.ending;
      }
    }
    return [
      String(point.week),
      ...scenario.metrics.map((m) => String(point.metrics[m.id] ?? "")),
      textCell(choices.join("; ")),
      textCell(events.join("; ")),
      textCell(ending),
    ];
  });
}

/** Rows of cells as CSV text, with the line endings spreadsheets expect. */
export function toCsv(rows: string[][]): string {
  return `${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
}

/** A text cell, quoted when needed; text a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function textCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A file name for an export: the scenario id, the seed and the number of choices. */
export function exportFileName(state: RunState, extension: "json" | "csv"): string {
  return `${state.scenarioId}-seed${state.seed}-${state.choices.length}choices.${extension}`;
}
