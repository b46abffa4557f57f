import type { BundledScenario } from "../app/bundled-scenarios";
import { formatRoute } from "../app/route";
import { formatDiagnostic } from "../engine/index";

/** One scenario on the title screen: what it is, how long, what it teaches, and its play link. */
export function ScenarioCard({ entry }: { entry: BundledScenario }) {
  if (!entry.ok) {
    return (
      <li class="card card-broken">
        <h3>{entry.file}</h3>
        <p>This scenario cannot be played because its file has errors:</p>
        <ul>
          {entry.diagnostics.slice(0, 5).map((d) => (
            <li key={formatDiagnostic(d)}>{formatDiagnostic(d)}</li>
          ))}
        </ul>
      </li>
    );
  }
  const s = entry.scenario;
  const headingId = `scenario-${s.id}`;
  return (
    <li class="card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{s.title}</h3>
        <p class="minutes">About {s.minutes} minutes</p>
        <p>{s.summary}</p>
        {s.objectives.length > 0 && (
          <>
            <h4>Objectives</h4>
            <ul class="objectives">
              {s.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </>
        )}
        <a class="button primary" href={formatRoute({ kind: "play", scenarioId: s.id, runId: null })}>
          Play {s.title}
        </a>
      </article>
    </li>
  );
}
