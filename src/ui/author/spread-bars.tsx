import { formatMetric } from "../../app/metric-format";
import type { AnalysisReport, MetricDef } from "../../engine/index";

/**
 * Each metric's spread at the end of the runs as a bar: the whole range, the middle 80% of runs (10% to 90%)
 * darker, and a mark at the median, on the metric's own scale (its bounds, or the range seen when unbounded).
 */
export function SpreadBars({ metrics, report }: { metrics: MetricDef[]; report: AnalysisReport }) {
  return (
    <ul class="spread-bars">
      {metrics.map((m) => {
        const s = report.metrics[m.id];
        if (!s) return null;
        const lo = Number.isFinite(m.min) ? Math.min(m.min, s.min) : s.min;
        const hi = Number.isFinite(m.max) ? Math.max(m.max, s.max) : s.max;
        const at = (v: number) => (hi === lo ? 50 : ((v - lo) / (hi - lo)) * 100);
        const f = (v: number) => formatMetric(m, v);
        const label =
          `${m.label}: runs ended between ${f(s.min)} and ${f(s.max)}; ` +
          `80% between ${f(s.p10)} and ${f(s.p90)}; median ${f(s.median)}`;
        return (
          <li key={m.id}>
            <span class="spread-label">
              {m.label}
              {m.hidden ? " (hidden)" : ""}
            </span>
            <div class="spread-track" role="img" aria-label={label}>
              <span
                class="spread-range"
                style={{ left: `${at(s.min)}%`, width: `${at(s.max) - at(s.min)}%` }}
              />
              <span
                class="spread-middle"
                style={{ left: `${at(s.p10)}%`, width: `${at(s.p90) - at(s.p10)}%` }}
              />
              <span class="spread-median" style={{ left: `${at(s.median)}%` }} />
            </div>
            <span class="spread-scale">
              {f(lo)} to {f(hi)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
