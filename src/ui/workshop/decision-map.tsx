import { realPath, runPath } from "../../app/real-path";
import type { TeamRuns, WorkshopSession } from "../../app/workshop/session-model";
import { divergence } from "../../app/workshop/team-paths";
import { lookup, type Scenario } from "../../engine/index";

/**
 * Which team chose what at each decision, as a table (a column per team), the endings reached, and where the
 * teams' paths first parted. The real engagement's path is a column too: all of it (`showReal` "all", the
 * debrief), only as far as the teams have come ("so-far", when revealing after each decision), or none.
 */
export function DecisionMap({
  scenario,
  session,
  runs,
  showReal,
  title = "Which team chose what",
  headingLevel = 2,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
  showReal: "all" | "so-far" | "none";
  title?: string;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const columns = session.teams.map((t) => {
    const state = runs.get(t.id)!;
    const ending = state.ending ? lookup(scenario.endings, state.ending) : undefined;
    return {
      key: t.id,
      name: t.name,
      path: runPath(scenario, state.history.log),
      end: ending ? ending.title : state.status === "stuck" ? "Stuck" : "Still playing",
    };
  });
  if (showReal !== "none") {
    const realEnding = Object.values(scenario.endings).find((e) => e.real);
    const made = Math.max(0, ...columns.map((c) => c.path.length));
    const path = realPath(scenario);
    columns.push({
      key: "real",
      name: "Real engagement",
      path: showReal === "all" ? path : path.slice(0, made),
      end: showReal === "all" ? (realEnding?.title ?? "") : "Revealed in the debrief",
    });
  }
  const rows = Math.max(0, ...columns.map((c) => c.path.length));
  const split = divergence(scenario, session, runs);
  const id = `map-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section class="decision-map" aria-labelledby={id}>
      <H id={id}>{title}</H>
      <p>
        {split
          ? `The teams' paths first parted at decision ${split.decision}.`
          : rows === 0
            ? "No decision has been made yet."
            : "Every team has taken the same path so far."}
      </p>
      {rows > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Decision</th>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_, i) => (
                <tr key={i} class={split?.decision === i + 1 ? "parted" : undefined}>
                  <th scope="row">
                    {i + 1}
                    {split?.decision === i + 1 && <span class="tag"> (paths part)</span>}
                  </th>
                  {columns.map((c) => {
                    const step = c.path[i];
                    return (
                      <td key={c.key}>
                        {step ? (
                          <>
                            <span class="muted">{step.node.title}:</span> {step.choice.label}
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">Ending</th>
                {columns.map((c) => (
                  <td key={c.key}>{c.end}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
