import { formatMetric } from "../app/metric-format";
import type { RunState, Scenario } from "../engine/index";

/** The metrics hidden during play, revealed in the debrief: where each started, ended and peaked. */
export function HiddenMetrics({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const hidden = scenario.metrics.filter((m) => m.hidden);
  if (hidden.length === 0) return null;
  return (
    <section class="hidden-metrics" aria-labelledby="hidden-heading">
      <h2 id="hidden-heading">What you could not see</h2>
      <ul>
        {hidden.map((m) => {
          const values = state.history.points.map((p) => p.metrics[m.id] ?? 0);
          const first = values[0] ?? m.start;
          const last = values[values.length - 1] ?? first;
          const peak = Math.max(...values, first);
          return (
            <li key={m.id}>
              <strong>{m.label}</strong>: {formatMetric(m, first)} at the start, {formatMetric(m, last)} at
              the end
              {peak > Math.max(first, last) ? ` (highest ${formatMetric(m, peak)})` : ""}.
              {m.description && ` ${sentence(m.description)}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
