import { useEffect, useRef } from "preact/hooks";
import { formatMetric, visibleMetrics } from "../../app/metric-format";
import type { TeamRuns, WorkshopSession } from "../../app/workshop/session-model";
import type { MetricDef, Scenario } from "../../engine/index";
import { teamColor, teamDash } from "./team-colors";

/** One chart per visible metric, a line per team over the weeks. */
export function ComparisonCharts({
  scenario,
  session,
  runs,
  headingLevel = 2,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section class="comparison" aria-labelledby="comparison-heading">
      <H id="comparison-heading">The teams' metrics over the weeks</H>
      <div class="chart-grid">
        {visibleMetrics(scenario.metrics).map((m) => (
          <ComparisonChart key={m.id} metric={m} session={session} runs={runs} />
        ))}
      </div>
    </section>
  );
}

function ComparisonChart({
  metric,
  session,
  runs,
}: {
  metric: MetricDef;
  session: WorkshopSession;
  runs: TeamRuns;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const lines = session.teams.map((t, i) => ({
    team: t.name,
    color: teamColor(i),
    dash: teamDash(i),
    points: (runs.get(t.id)?.history.points ?? []).map((p) => ({ x: p.week, y: p.metrics[metric.id] ?? 0 })),
  }));
  const key = JSON.stringify(lines.map((l) => l.points));
  const summary = `${metric.label} by team: ${session.teams
    .map((t) => {
      const pts = runs.get(t.id)?.history.points ?? [];
      const last = pts[pts.length - 1];
      return `${t.name} ${formatMetric(metric, last?.metrics[metric.id] ?? 0)} at week ${last?.week ?? 0}`;
    })
    .join("; ")}`;

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let destroy: (() => void) | null = null;
    let cancelled = false;
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    void import("./comparison-drawing").then(({ drawComparisonChart }) => {
      if (cancelled) return;
      destroy = drawComparisonChart(element, {
        label: metric.unit ? `${metric.label} (${metric.unit})` : metric.label,
        lines,
        min: metric.min,
        max: Number.isFinite(metric.max) ? metric.max : undefined,
        animate: !reduced,
        // Read across a room on the projector; the page's own text size otherwise.
        fontSize: element.closest(".projector") ? 18 : 12,
      });
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [metric, key]);

  return (
    <figure class="chart">
      <figcaption>{metric.label}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
    </figure>
  );
}
