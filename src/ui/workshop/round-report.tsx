import { formatDelta, roundMetric, visibleMetrics } from "../../app/metric-format";
import type { TeamRuns, WorkshopSession } from "../../app/workshop/session-model";
import { lookup, type Scenario } from "../../engine/index";

/**
 * The last closed round: what each team chose, how it turned out, what moved; and, when the workshop reveals
 * after each decision, what the real engagement learned at that decision and which choice the real team made.
 */
export function RoundReport({
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
  const last = session.rounds[session.rounds.length - 1];
  if (!last) return null;
  const H = headingLevel === 2 ? "h2" : "h3";
  const reveal = session.reveal === "each";
  return (
    <section class="round-report" aria-labelledby="round-report-heading">
      <H id="round-report-heading">Round {last.round}: what happened</H>
      <ul class="round-report-teams">
        {session.teams.map((team) => {
          const advanced = last.advanced.find((a) => a.teamId === team.id);
          if (!advanced) {
            return last.without.includes(team.id) ? (
              <li key={team.id}>
                <strong>{team.name}</strong> had no entry and stayed where it was.
              </li>
            ) : null;
          }
          const state = runs.get(team.id)!;
          const step = state.lastStep;
          const node = step ? lookup(scenario.nodes, step.node) : undefined;
          const choice = node?.choices.find((c) => c.id === advanced.choiceId);
          const real = node?.choices.find((c) => c.real);
          const moved = step
            ? visibleMetrics(scenario.metrics).flatMap((m) => {
                const d = (step.after[m.id] ?? 0) - (step.before[m.id] ?? 0);
                return roundMetric(m, d) === 0 ? [] : [`${m.label} ${formatDelta(m, d)}`];
              })
            : [];
          return (
            <li key={team.id}>
              <strong>{team.name}</strong> chose “{choice?.label ?? advanced.choiceId}”
              {node ? ` at ${node.title}` : ""}.{step?.outcomeText ? ` ${step.outcomeText}` : ""}
              {moved.length > 0 && <> ({moved.join(", ")})</>}
              {step?.events.map((id) => (
                <span key={id}> Interruption: {scenario.events.find((e) => e.id === id)?.title ?? id}.</span>
              ))}
              {reveal && choice && (choice.debrief || real) && (
                <p class="reveal">
                  <span class="reveal-label">What really happened: </span>
                  {choice.debrief}
                  {real ? ` The real team chose “${real.label}”.` : ""}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
