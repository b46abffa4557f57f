import { useEffect, useRef } from "preact/hooks";
import { exportFileName, runToCsv, runToJson } from "../app/run-export";
import type { ActiveRun, AppState } from "../app/store";
import { lookup } from "../engine/index";
import { ChoiceDebriefs } from "./choice-debriefs";
import { downloadText } from "./download";
import { EndingsFound } from "./endings-found";
import { HiddenMetrics } from "./hidden-metrics";
import { MetricCharts } from "./metric-charts";
import { PathComparison } from "./path-comparison";
import { RewindMenu } from "./rewind-menu";
import { SaveStatus } from "./save-status";
import { useSession } from "./session-context";

/** The ending and what to learn from the run: charts, paths, every choice's debrief, endings found, exports. */
export function DebriefScreen({ run, state }: { run: ActiveRun; state: AppState }) {
  const session = useSession();
  const { scenario } = run;
  const current = run.state;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [current.ending, current.choices.length]);

  const ending = current.ending ? lookup(scenario.endings, current.ending) : undefined;
  const stuckAt = lookup(scenario.nodes, current.at);
  const title = ending ? ending.title : `Stuck at ${stuckAt?.title ?? current.at}`;
  const text = ending ? ending.text : "No choice was available here, so the run could not go on.";

  return (
    <main class="screen debrief-screen">
      <p class="scenario-name">
        {scenario.title}, ended in week {current.week}
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {ending && (
        <p class="rating">
          <span aria-hidden="true">
            {"★".repeat(ending.rating)}
            {"☆".repeat(Math.max(0, 3 - ending.rating))}
          </span>
          <span class="visually-hidden">Rating: {ending.rating} of 3</span>
        </p>
      )}
      {text && <p class="ending-text">{text}</p>}
      <nav class="debrief-actions no-print" aria-label="After the run">
        <button type="button" class="primary" onClick={() => void session.playAgain()}>
          Play again
        </button>
        <RewindMenu run={run} />
        <button
          type="button"
          onClick={() =>
            downloadText(
              exportFileName(current, "json"),
              runToJson(scenario, current, new Date()),
              "application/json",
            )
          }
        >
          Export run as JSON
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(exportFileName(current, "csv"), runToCsv(scenario, current), "text/csv")
          }
        >
          Export weeks as CSV
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" class="quiet" onClick={() => session.showTitle()}>
          Back to scenarios
        </button>
        <SaveStatus run={run} state={state} />
      </nav>
      <MetricCharts scenario={scenario} state={current} reducedMotion={state.settings.reducedMotion} />
      <HiddenMetrics scenario={scenario} state={current} />
      <PathComparison scenario={scenario} state={current} />
      <ChoiceDebriefs scenario={scenario} state={current} />
      <EndingsFound scenario={scenario} found={state.discovered[scenario.id] ?? []} />
      {scenario.discussion.length > 0 && (
        <section aria-labelledby="discussion-heading">
          <h2 id="discussion-heading">To discuss</h2>
          <ul>
            {scenario.discussion.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
