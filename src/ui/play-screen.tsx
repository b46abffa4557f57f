import type { ActiveRun, AppState } from "../app/store";
import { ChangeReport } from "./change-report";
import { DebriefScreen } from "./debrief-screen";
import { EventCards } from "./event-card";
import { Glossary } from "./glossary";
import { MetricMeters } from "./metric-meters";
import { NodeView } from "./node-view";
import { OngoingEffects } from "./ongoing-effects";
import { RewindMenu } from "./rewind-menu";
import { SaveStatus } from "./save-status";
import { useSession } from "./session-context";
import { WorldPanel } from "./world-panel";

/** Playing a run: the metrics and week, then interruptions, what changed, and the decision at hand. */
export function PlayScreen({ run, state }: { run: ActiveRun; state: AppState }) {
  const session = useSession();
  const { scenario, pendingEvents } = run;
  const current = run.state;
  if (current.status !== "deciding" && pendingEvents.length === 0) {
    return <DebriefScreen run={run} state={state} />;
  }
  return (
    <div class="screen play-screen">
      <header class="play-header">
        <div class="play-title">
          <h1>{scenario.title}</h1>
          <p class="week">
            <span>Week {current.week}</span>{" "}
            <span class="decision-count">Decision {current.choices.length + 1}</span>
          </p>
        </div>
        <nav class="run-actions" aria-label="Run">
          <SaveStatus run={run} state={state} />
          <RewindMenu run={run} />
          <button type="button" class="quiet" onClick={() => session.showTitle()}>
            Back to scenarios
          </button>
        </nav>
        <MetricMeters scenario={scenario} state={current} />
        <OngoingEffects scenario={scenario} state={current} />
      </header>
      <div class="play-body">
        <main class="play-main">
          {pendingEvents.length > 0 ? (
            <EventCards run={run} />
          ) : (
            <>
              {/* What the last choice changed comes first, then the next decision. */}
              {current.lastStep && <ChangeReport run={run} reveal={state.settings.reveal} />}
              <NodeView run={run} />
              <Glossary scenario={scenario} />
            </>
          )}
        </main>
        <WorldPanel run={run} />
      </div>
    </div>
  );
}
