import { formatMetric } from "../app/metric-format";
import type { MetricDef, RunState, Scenario, StepReport } from "../engine/index";

/** A signed change, rounded as the metric is shown. */
export function showDelta(m: MetricDef, delta: number): string {
  const text = Math.abs(delta).toFixed(Math.max(m.decimals, 1));
  return `${delta < 0 ? "-" : "+"}${text}`;
}

/** The visible metrics on one line: `Trust 40 · Budget 120 k£ · ...`. */
export function metricsLine(scenario: Scenario, state: RunState): string {
  return scenario.metrics
    .filter((m) => !m.hidden)
    .map((m) => `${m.label} ${formatMetric(m, state.metrics[m.id]!)}`)
    .join(" · ");
}

/** What the last choice changed and why, one line per visible metric that moved. */
export function stepLines(scenario: Scenario, step: StepReport): string[] {
  const lines: string[] = [];
  for (const m of scenario.metrics) {
    if (m.hidden) continue;
    const delta = step.after[m.id]! - step.before[m.id]!;
    if (Math.abs(delta) < 1e-9) continue;
    const why = step.causes
      .filter((c) => c.metric === m.id)
      .map((c) => `${c.source === "flow" ? "weekly flow" : `${c.source} ${c.id}`} ${showDelta(m, c.delta)}`)
      .join(", ");
    lines.push(`  ${m.label} ${showDelta(m, delta)} (${why})`);
  }
  return lines;
}
