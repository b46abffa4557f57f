import { useEffect, useRef, useState } from "preact/hooks";
import { formatMetric } from "../../app/metric-format";
import { type AnalysisReport, lookup, type Scenario } from "../../engine/index";
import { SpreadBars } from "./spread-bars";

type Status =
  | { kind: "idle" }
  | { kind: "running"; runs: number }
  | { kind: "done"; report: AnalysisReport }
  | { kind: "failed"; reason: string };

/** Runs the engine's analyzer in a worker (on the main thread when workers are unavailable). */
function analyze(yaml: string, runs: number, seed: number): Promise<AnalysisReport> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./analyze.worker.ts", import.meta.url), { type: "module" });
    } catch {
      void onMainThread(yaml, runs, seed).then(resolve, reject);
      return;
    }
    worker.onmessage = (
      e: MessageEvent<{ ok: true; report: AnalysisReport } | { ok: false; reason: string }>,
    ) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.report);
      else reject(new Error(e.data.reason));
    };
    worker.onerror = () => {
      worker.terminate();
      void onMainThread(yaml, runs, seed).then(resolve, reject);
    };
    worker.postMessage({ yaml, runs, seed });
  });
}

async function onMainThread(yaml: string, runs: number, seed: number): Promise<AnalysisReport> {
  const [{ loadScenario }, { analyzeScenario }] = await Promise.all([
    import("../../engine/load"),
    import("../../engine/analyze"),
  ]);
  const loaded = loadScenario("scenario.yaml", yaml);
  if (!loaded.ok) throw new Error("the scenario has errors; fix them first");
  return analyzeScenario(loaded.scenario, { runs, seed });
}

/** The balance report: ending distribution (table and chart), what is never reached, dominant choices, spreads. */
export function BalanceReport({ scenario, yaml }: { scenario: Scenario; yaml: string }) {
  const [runs, setRuns] = useState(2000);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const run = () => {
    setStatus({ kind: "running", runs });
    analyze(yaml, runs, 1).then(
      (report) => setStatus({ kind: "done", report }),
      (e: unknown) => setStatus({ kind: "failed", reason: (e as Error)?.message ?? String(e) }),
    );
  };
  return (
    <section class="balance-report" aria-labelledby="report-heading">
      <h2 id="report-heading">Balance report</h2>
      <p class="muted">
        The analyzer plays the scenario many times choosing at random, then explores every sequence of choices
        for a few seeds.
      </p>
      <div class="report-controls">
        <label>
          Random runs{" "}
          <select
            value={String(runs)}
            onChange={(e) => setRuns(Number((e.target as HTMLSelectElement).value))}
          >
            <option value="500">500</option>
            <option value="2000">2,000</option>
            <option value="10000">10,000</option>
          </select>
        </label>{" "}
        <button type="button" class="button primary" onClick={run} disabled={status.kind === "running"}>
          Run the balance report
        </button>
      </div>
      <div role="status" class="report-status">
        {status.kind === "running" && `Analysing ${status.runs.toLocaleString("en")} runs…`}
        {status.kind === "done" && `Report ready: ${status.report.runs.toLocaleString("en")} runs.`}
      </div>
      {status.kind === "failed" && <p role="alert">The report could not be made: {status.reason}.</p>}
      {status.kind === "done" && <ReportView scenario={scenario} report={status.report} />}
    </section>
  );
}

function ReportView({ scenario, report }: { scenario: Scenario; report: AnalysisReport }) {
  const endingIds = Object.keys(report.endings);
  const titleOf = (id: string) => lookup(scenario.endings, id)?.title ?? id;
  const nodeTitle = (id: string) => lookup(scenario.nodes, id)?.title ?? id;
  const choiceLabel = (node: string, choice: string) =>
    lookup(scenario.nodes, node)?.choices.find((c) => c.id === choice)?.label ?? choice;
  const share = (n: number) => `${((100 * n) / Math.max(1, report.runs)).toFixed(1)}%`;
  return (
    <div class="report">
      <p>
        Runs last {report.meanWeeks.toFixed(1)} weeks and {report.meanDecisions.toFixed(1)} decisions on
        average. {share(Math.round(report.bestEndingRate * report.runs))} reach a best-rated ending.
        {report.stuck > 0 && ` ${report.stuck} runs got stuck at a node with no available choice.`}
        {report.tooLong > 0 && ` ${report.tooLong} runs were cut off after too many decisions.`}
      </p>
      <h3 id="endings-table-heading">Ending distribution</h3>
      <table aria-labelledby="endings-table-heading">
        <thead>
          <tr>
            <th scope="col">Ending</th>
            <th scope="col">Rating</th>
            <th scope="col">Runs</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {endingIds.map((id) => (
            <tr key={id}>
              <th scope="row">{titleOf(id)}</th>
              <td>{lookup(scenario.endings, id)?.rating ?? ""}</td>
              <td>{report.endings[id]}</td>
              <td>{share(report.endings[id] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <EndingChart labels={endingIds.map(titleOf)} values={endingIds.map((id) => report.endings[id] ?? 0)} />
      <h3>Never reached</h3>
      {report.unreachedEndings.length === 0 && report.unvisitedNodes.length === 0 ? (
        <p>Every ending and every node was reached in the random runs.</p>
      ) : (
        <ul aria-label="Never reached">
          {report.unreachedEndings.map((id) => (
            <li key={`e-${id}`}>Ending: {titleOf(id)}</li>
          ))}
          {report.unvisitedNodes.map((id) => (
            <li key={`n-${id}`}>Node: {nodeTitle(id)}</li>
          ))}
        </ul>
      )}
      {report.exhaustive && (
        <p class="muted">
          Exhaustive search: {report.exhaustive.paths.toLocaleString("en")} paths over{" "}
          {report.exhaustive.seeds} seeds
          {report.exhaustive.complete ? " (complete)" : " (budget reached, not complete)"}
          {report.exhaustive.unreachedEndings.length > 0
            ? `; never reached by any path: ${report.exhaustive.unreachedEndings.map(titleOf).join(", ")}.`
            : "; every ending is reached by some path."}
        </p>
      )}
      <h3>Dominant choices</h3>
      {report.dominantChoices.length === 0 ? (
        <p>No choice is better than its alternatives on every visible metric and the ending's rating.</p>
      ) : (
        <ul aria-label="Dominant choices">
          {report.dominantChoices.map((d) => (
            <li key={`${d.node}-${d.choice}`}>
              At “{nodeTitle(d.node)}”, “{choiceLabel(d.node, d.choice)}” beats{" "}
              {d.over.map((o) => `“${choiceLabel(d.node, o)}”`).join(", ")}
            </li>
          ))}
        </ul>
      )}
      <h3 id="spreads-heading">Metric spreads at the end</h3>
      <SpreadBars metrics={scenario.metrics} report={report} />
      {/* A wide table scrolls inside the panel; the region is focusable so keyboard users can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section class="report-table-scroll" aria-label="Metric spreads table" tabIndex={0}>
        <table aria-labelledby="spreads-heading">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Lowest</th>
              <th scope="col">10%</th>
              <th scope="col">Median</th>
              <th scope="col">90%</th>
              <th scope="col">Highest</th>
            </tr>
          </thead>
          <tbody>
            {scenario.metrics.map((m) => {
              const s = report.metrics[m.id];
              if (!s) return null;
              return (
                <tr key={m.id}>
                  <th scope="row">
                    {m.label}
                    {m.hidden ? " (hidden)" : ""}
                  </th>
                  <td>{formatMetric(m, s.min)}</td>
                  <td>{formatMetric(m, s.p10)}</td>
                  <td>{formatMetric(m, s.median)}</td>
                  <td>{formatMetric(m, s.p90)}</td>
                  <td>{formatMetric(m, s.max)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function EndingChart({ labels, values }: { labels: string[]; values: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let destroy: (() => void) | null = null;
    let cancelled = false;
    void import("./report-chart").then(({ drawBarChart }) => {
      if (!cancelled) destroy = drawBarChart(element, { labels, values, axis: "Runs" });
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [labels.join("\n"), values.join(",")]);
  const label = `Ending distribution: ${labels.map((l, i) => `${l} ${values[i]} runs`).join(", ")}`;
  return (
    <div class="chart-box report-chart" style={{ height: `${Math.max(120, 40 * labels.length + 60)}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
