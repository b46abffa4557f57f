import type { RunState, Scenario } from "../engine/index";

/** Every choice of the scenario with its debrief: which you made, which the real engagement made. */
export function ChoiceDebriefs({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const made = new Set(
    state.history.log.flatMap((e) => (e.kind === "choice" ? [`${e.node}\u0000${e.choice}`] : [])),
  );
  return (
    <section class="choice-debriefs" aria-labelledby="debriefs-heading">
      <h2 id="debriefs-heading">What each choice meant</h2>
      {Object.values(scenario.nodes).map((node) => (
        <section key={node.id} aria-labelledby={`debrief-${node.id}`}>
          <h3 id={`debrief-${node.id}`}>{node.title}</h3>
          <ul>
            {node.choices.map((c) => {
              const yours = made.has(`${node.id}\u0000${c.id}`);
              return (
                <li key={c.id}>
                  <strong>{c.label}</strong>
                  {yours && <span class="tag"> You chose this.</span>}
                  {c.real && <span class="tag"> The real engagement chose this.</span>}
                  {c.debrief && <p>{c.debrief}</p>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
