import { realPath, runPath } from "../app/real-path";
import { lookup, type RunState, type Scenario } from "../engine/index";

/** Your path beside the path the real engagement took. */
export function PathComparison({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const yours = runPath(scenario, state.history.log);
  const real = realPath(scenario);
  const realEnding = Object.values(scenario.endings).find((e) => e.real);
  const yourEnding = state.ending ? lookup(scenario.endings, state.ending) : undefined;
  return (
    <section class="paths" aria-labelledby="paths-heading">
      <h2 id="paths-heading">Your path and the real engagement's</h2>
      <div class="path-columns">
        <div>
          <h3 id="your-path">Your path</h3>
          <ol aria-labelledby="your-path">
            {yours.map((s, i) => (
              <li key={`${i}-${s.choice.id}`} class={s.choice.real ? "real" : undefined}>
                <span class="muted">{s.node.title}:</span> {s.choice.label}
                {s.choice.real && <span class="tag"> (as in the real engagement)</span>}
              </li>
            ))}
          </ol>
          {yourEnding && <p>Ending: {yourEnding.title}</p>}
        </div>
        <div>
          <h3 id="real-path">The real engagement</h3>
          {real.length === 0 ? (
            <p>This scenario does not mark the real engagement's path.</p>
          ) : (
            <ol aria-labelledby="real-path">
              {real.map((s, i) => (
                <li key={`${i}-${s.choice.id}`}>
                  <span class="muted">{s.node.title}:</span> {s.choice.label}
                </li>
              ))}
            </ol>
          )}
          {realEnding && <p>Ending: {realEnding.title}</p>}
        </div>
      </div>
    </section>
  );
}
