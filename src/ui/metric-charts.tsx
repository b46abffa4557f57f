import { useEffect, useRef } from "preact/hooks";
import { formatMetric, visibleMetrics } from "../app/metric-format";
import { lookup, type MetricDef, type RunState, type Scenario } from "../engine/index";

/** A line chart of every visible metric over the weeks, with the choices marked on the timeline. */
export function MetricCharts({
  scenario,
  state,
  reducedMotion,
}: {
  scenario: Scenario;
  state: RunState;
  reducedMotion: boolean;
}) {
  const choices = state.history.log.flatMap((e) => (e.kind === "choice" ? [e] : []));
  return (
    <section class="charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">How the metrics moved</h2>
      <div class="chart-grid">
        {visibleMetrics(scenario.metrics).map((m) => (
          <MetricChart key={m.id} metric={m} state={state} reducedMotion={reducedMotion} />
        ))}
      </div>
      <h3 id="timeline-heading">Your choices on the timeline</h3>
      <ol aria-labelledby="timeline-heading" class="timeline">
        {choices.map((c, i) => (
          <li key={`${i}-${c.choice}`}>
            Week {c.week}: {lookup(scenario.nodes, c.node)?.choices.find((x) => x.id === c.choice)?.label}
          </li>
        ))}
      </ol>
    </section>
  );
}

function MetricChart({
  metric,
  state,
  reducedMotion,
}: {
  metric: MetricDef;
  state: RunState;
  reducedMotion: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const points = state.history.points;
  const first = points[0]?.metrics[metric.id] ?? 0;
  const last = points[points.length - 1]?.metrics[metric.id] ?? 0;
  const weeks = points[points.length - 1]?.week ?? 0;
  const label = `${metric.label} over ${weeks} weeks: from ${formatMetric(metric, first)} to ${formatMetric(metric, last)}`;

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let destroy: (() => void) | null = null;
    let cancelled = false;
    void import("./chart-drawing").then(({ drawMetricChart }) => {
      if (cancelled) return;
      destroy = drawMetricChart(element, {
        label: metric.unit ? `${metric.label} (${metric.unit})` : metric.label,
        points: points.map((p) => ({ x: p.week, y: p.metrics[metric.id] ?? 0 })),
        choiceWeeks: state.history.log.flatMap((e) => (e.kind === "choice" ? [e.week] : [])),
        min: metric.min,
        max: Number.isFinite(metric.max) ? metric.max : undefined,
        animate: !reducedMotion,
      });
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [metric, points, state.history.log, reducedMotion]);

  return (
    <figure class="chart">
      <figcaption>{metric.label}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
    </figure>
  );
}
