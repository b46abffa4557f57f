import {
  type AnalysisReport,
  analyzeScenario,
  formatDiagnostic,
  lookup,
  type Scenario,
} from "../engine/index";
import { intOption, parse, UsageError } from "./args";
import { loadScenarioFile } from "./files";
import type { Output } from "./output";

/** `analyze <file>`: the balance report, as text or JSON. */
export function analyzeCommand(argv: string[], out: Output): number {
  const { values, positionals } = parse(argv, {
    runs: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("analyze needs exactly one scenario file");
  const runs = intOption(values.runs, "runs", 2000, 1);
  const seed = intOption(values.seed, "seed", 1);
  const loaded = loadScenarioFile(positionals[0]!);
  for (const d of loaded.diagnostics) out.err(formatDiagnostic(d));
  if (!loaded.ok) return 1;
  const report = analyzeScenario(loaded.scenario, { runs, seed });
  if (values.json === true) out.out(JSON.stringify(report));
  else for (const line of describe(loaded.scenario, report)) out.out(line);
  return 0;
}

function percent(n: number, of: number): string {
  return `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
}

/** The report in words, for a coach reading a terminal. */
export function describe(scenario: Scenario, r: AnalysisReport): string[] {
  const lines = [`${scenario.title}: ${r.runs} random playthroughs (seed ${r.seed})`, "", "Endings:"];
  for (const [id, count] of Object.entries(r.endings).sort((a, b) => b[1] - a[1])) {
    const e = lookup(scenario.endings, id)!;
    lines.push(`  ${percent(count, r.runs).padStart(6)}  ${e.title} [${id}, rating ${e.rating}]`);
  }
  if (r.stuck) lines.push(`  ${percent(r.stuck, r.runs).padStart(6)}  stuck: no choice available`);
  if (r.tooLong) lines.push(`  ${percent(r.tooLong, r.runs).padStart(6)}  cut off after 500 decisions`);
  lines.push(`Best ending reached by ${percent(r.bestEndingRate * r.runs, r.runs)} of random players.`);
  lines.push(
    `Runs last ${r.meanWeeks.toFixed(1)} weeks and ${r.meanDecisions.toFixed(1)} decisions on average.`,
  );
  lines.push("", "Metrics at the end (min / 10% / median / 90% / max):");
  for (const m of scenario.metrics) {
    const s = r.metrics[m.id]!;
    const f = (v: number) => v.toFixed(m.decimals);
    lines.push(
      `  ${m.label}${m.hidden ? " (hidden)" : ""}: ${f(s.min)} / ${f(s.p10)} / ${f(s.median)} / ${f(s.p90)} / ${f(s.max)}`,
    );
  }
  lines.push("");
  lines.push(
    r.unreachedEndings.length
      ? `Endings never reached: ${r.unreachedEndings.join(", ")}`
      : "Every ending was reached.",
  );
  lines.push(
    r.unvisitedNodes.length
      ? `Nodes never visited: ${r.unvisitedNodes.join(", ")}`
      : "Every node was visited.",
  );
  if (r.dominantChoices.length === 0) lines.push("No choice dominates its alternatives.");
  for (const d of r.dominantChoices) {
    lines.push(
      `Dominant: "${d.choice}" at "${d.node}" beats ${d.over.join(", ")} on every visible metric and the rating`,
    );
  }
  if (r.exhaustive) {
    const x = r.exhaustive;
    lines.push(
      `Exhaustive search over choices (${x.seeds} seeds): ${x.paths} paths, ${x.complete ? "complete" : "budget reached before the end"}; ` +
        (x.unreachedEndings.length
          ? `endings no path reached: ${x.unreachedEndings.join(", ")}`
          : "every ending reachable"),
    );
  }
  return lines;
}
