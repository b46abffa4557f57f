import type { TeamRuns, WorkshopSession } from "../../app/workshop/session-model";
import { lookup, type Scenario } from "../../engine/index";
import { ComparisonCharts } from "./comparison-charts";
import { DecisionMap } from "./decision-map";

/** The room debrief: the endings reached, the comparison charts, the decision map and the discussion prompts. */
export function RoomDebrief({
  scenario,
  session,
  runs,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
}) {
  return (
    <div class="room-debrief">
      <section aria-labelledby="endings-heading">
        <h2 id="endings-heading">Endings reached</h2>
        <ul class="endings-reached">
          {session.teams.map((t) => {
            const state = runs.get(t.id)!;
            const ending = state.ending ? lookup(scenario.endings, state.ending) : undefined;
            return (
              <li key={t.id}>
                <strong>{t.name}</strong>:{" "}
                {ending
                  ? `${ending.title} (rated ${ending.rating} of 3) at week ${state.week}`
                  : `did not finish (week ${state.week})`}
                {ending?.text && <span class="muted"> — {ending.text}</span>}
              </li>
            );
          })}
        </ul>
      </section>
      <ComparisonCharts scenario={scenario} session={session} runs={runs} />
      <DecisionMap
        scenario={scenario}
        session={session}
        runs={runs}
        showReal="all"
        title="Decision map: each team's path and the real engagement's"
      />
      <section aria-labelledby="discussion-heading">
        <h2 id="discussion-heading">For discussion</h2>
        {scenario.discussion.length === 0 ? (
          <p>This scenario has no discussion prompts.</p>
        ) : (
          <ul class="discussion">
            {scenario.discussion.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="meaning-heading">
        <h2 id="meaning-heading">What the choices meant</h2>
        <dl class="choice-meanings">
          {Object.values(scenario.nodes).flatMap((node) =>
            node.choices
              .filter((c) => c.debrief)
              .map((c) => {
                const who = session.teams.filter((t) =>
                  runs
                    .get(t.id)
                    ?.history.log.some((e) => e.kind === "choice" && e.node === node.id && e.choice === c.id),
                );
                return (
                  <div key={`${node.id}-${c.id}`}>
                    <dt>
                      {c.label}
                      {c.real ? " (the real team's choice)" : ""}
                      {who.length > 0 ? ` — chosen by ${who.map((t) => t.name).join(", ")}` : ""}
                    </dt>
                    <dd>{c.debrief}</dd>
                  </div>
                );
              }),
          )}
        </dl>
      </section>
    </div>
  );
}
