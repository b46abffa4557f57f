import { formatMetric, visibleMetrics } from "../app/metric-format";
import type { MetricDef, RunState, Scenario } from "../engine/index";

/** The visible metrics as meters named by their labels; hidden metrics stay hidden during play. */
export function MetricMeters({ scenario, state }: { scenario: Scenario; state: RunState }) {
  return (
    <ul class="meters" aria-label="Metrics">
      {visibleMetrics(scenario.metrics).map((m) => {
        const value = state.metrics[m.id] ?? 0;
        const max = meterMax(m, state);
        return (
          <li key={m.id} class="metric">
            <span class="metric-label" aria-hidden="true">
              {m.label}
            </span>
            <span class="metric-value" aria-hidden="true">
              {formatMetric(m, value)}
            </span>
            <meter
              class="meter"
              aria-label={m.label}
              min={m.min}
              max={max}
              value={value}
              aria-valuetext={formatMetric(m, value)}
              title={m.description || undefined}
            />
          </li>
        );
      })}
    </ul>
  );
}

/** A metric without an upper bound is drawn against the highest value it has had in this run. */
function meterMax(m: MetricDef, state: RunState): number {
  if (Number.isFinite(m.max)) return m.max;
  let max = m.start;
  for (const p of state.history.points) max = Math.max(max, p.metrics[m.id] ?? 0);
  return Math.max(max, state.metrics[m.id] ?? 0, m.min + 1);
}
