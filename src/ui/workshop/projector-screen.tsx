import { formatMetric, visibleMetrics } from "../../app/metric-format";
import { activeTeams, type TeamRuns, type WorkshopSession } from "../../app/workshop/session-model";
import { teamsByNode } from "../../app/workshop/team-paths";
import { choicesAt, lookup, type Scenario } from "../../engine/index";
import { LiveComparison } from "./live-comparison";
import { RoomDebrief } from "./room-debrief";
import { RoundTimer } from "./round-timer";
import { weeks } from "./team-entry";
import { useNow, useWorkshop } from "./use-workshop";
import { WorkshopProblem } from "./workshop-problem";

/** The public projector view (read-only): the decision, the choices, the timer and the teams side by side. */
export function ProjectorScreen({ id }: { id: string }) {
  const { loaded } = useWorkshop(id, false);
  if (loaded.status !== "ready") return <WorkshopProblem loaded={loaded} view="projector view" />;
  return <ProjectorReady scenario={loaded.scenario} session={loaded.session} runs={loaded.runs} />;
}

function ProjectorReady({
  scenario,
  session,
  runs,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
}) {
  const now = useNow(session.phase === "deciding");
  const teamName = (teamId: string) => session.teams.find((x) => x.id === teamId)?.name ?? teamId;
  const active = activeTeams(session, runs);
  const waiting = active.filter((x) => !Object.hasOwn(session.pending, x.id));
  const chosen = active.filter((x) => Object.hasOwn(session.pending, x.id));
  return (
    <main class="screen projector">
      <header class="projector-header">
        <div>
          <h1>{scenario.title}</h1>
          <p class="projector-round">
            {session.phase === "debrief"
              ? "Debrief"
              : session.phase === "setup"
                ? "Starting soon"
                : `Round ${session.round}`}
            {session.phase === "paused" ? " · Paused for discussion" : ""}
          </p>
        </div>
        {session.phase !== "debrief" && <RoundTimer session={session} now={now} />}
      </header>
      {session.phase === "debrief" ? (
        <RoomDebrief scenario={scenario} session={session} runs={runs} />
      ) : (
        <>
          {session.phase !== "setup" && (
            <p class="projector-entries">
              {waiting.length === 0
                ? "Every team has chosen."
                : `Chosen: ${chosen.map((x) => x.name).join(", ") || "nobody yet"}. Still discussing: ${waiting.map((x) => x.name).join(", ")}.`}
            </p>
          )}
          {teamsByNode(session, runs).map((g) => {
            const node = lookup(scenario.nodes, g.node)!;
            const first = runs.get(g.teamIds[0]!)!;
            return (
              <section key={g.node} class="projector-node" aria-labelledby={`pnode-${g.node}`}>
                <h2 id={`pnode-${g.node}`}>{node.title}</h2>
                {teamsByNode(session, runs).length > 1 && (
                  <p class="projector-here">For: {g.teamIds.map(teamName).join(", ")}</p>
                )}
                <p>{node.text}</p>
                <ol class="projector-choices" aria-label={`Choices at ${node.title}`}>
                  {choicesAt(scenario, first).map((v) => {
                    const closed = g.teamIds.filter((tid) => {
                      const view = choicesAt(scenario, runs.get(tid)!).find(
                        (c) => c.choice.id === v.choice.id,
                      );
                      return view && !view.available;
                    });
                    return (
                      <li key={v.choice.id}>
                        {v.choice.label} <span class="muted">({weeks(v.choice.weeks)})</span>
                        {closed.length > 0 && (
                          <span class="choice-reason">
                            {" "}
                            Not available to {closed.map(teamName).join(", ")}:{" "}
                            {v.reason || "its condition does not hold"}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </section>
            );
          })}
          <TeamsSideBySide scenario={scenario} session={session} runs={runs} />
          <LiveComparison scenario={scenario} session={session} runs={runs} />
        </>
      )}
    </main>
  );
}

/** The teams' visible metrics side by side: a column per team. */
function TeamsSideBySide({
  scenario,
  session,
  runs,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
}) {
  return (
    <section aria-labelledby="side-heading">
      <h2 id="side-heading">The teams now</h2>
      <div class="table-scroll">
        <table class="side-by-side">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {session.teams.map((t) => (
                <th key={t.id} scope="col">
                  {t.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Week</th>
              {session.teams.map((t) => (
                <td key={t.id}>{runs.get(t.id)!.week}</td>
              ))}
            </tr>
            {visibleMetrics(scenario.metrics).map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.label}</th>
                {session.teams.map((t) => (
                  <td key={t.id}>{formatMetric(m, runs.get(t.id)!.metrics[m.id] ?? 0)}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Where</th>
              {session.teams.map((t) => {
                const state = runs.get(t.id)!;
                const ending = state.ending ? lookup(scenario.endings, state.ending) : undefined;
                return (
                  <td key={t.id}>
                    {ending
                      ? `Ended: ${ending.title}`
                      : (lookup(scenario.nodes, state.at)?.title ?? state.at)}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
