import { formatDelta, formatMetric, roundMetric, visibleMetrics } from "../app/metric-format";
import type { RevealTiming } from "../app/settings";
import type { ActiveRun } from "../app/store";
import { type Cause, lookup, type Scenario } from "../engine/index";

/** What the last choice did: the weeks it took, how it turned out, each visible metric's change and why. */
export function ChangeReport({ run, reveal }: { run: ActiveRun; reveal: RevealTiming }) {
  const { scenario, state } = run;
  const step = state.lastStep;
  if (!step) return null;
  const node = lookup(scenario.nodes, step.node);
  const choice = node?.choices.find((c) => c.id === step.choice);
  const realChoice = node?.choices.find((c) => c.real);
  const changed = visibleMetrics(scenario.metrics).filter(
    (m) => roundMetric(m, (step.after[m.id] ?? 0) - (step.before[m.id] ?? 0)) !== 0,
  );
  return (
    <section class="change-report" aria-labelledby="change-heading">
      <h2 id="change-heading">What changed</h2>
      <p>
        You chose: <strong>{choice?.label ?? step.choice}</strong>.{" "}
        {step.weeks === 1 ? "One week passed." : `${step.weeks} weeks passed.`}
      </p>
      {step.outcomeText && <p class="outcome">{step.outcomeText}</p>}
      {changed.length === 0 ? (
        <p>Nothing you can see moved.</p>
      ) : (
        <ul class="deltas">
          {changed.map((m) => {
            const before = step.before[m.id] ?? 0;
            const after = step.after[m.id] ?? 0;
            const delta = after - before;
            const why = step.causes.filter((c) => c.metric === m.id && roundMetric(m, c.delta) !== 0);
            return (
              <li key={m.id} class={delta > 0 ? "up" : "down"}>
                <strong>{m.label}</strong> {formatMetric(m, before)} → {formatMetric(m, after)} (
                {formatDelta(m, delta)})
                {why.length > 0 && (
                  <span class="why">
                    {": "}
                    {why.map((c) => `${causeLabel(scenario, c)} ${formatDelta(m, c.delta)}`).join(", ")}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {reveal === "after-each-choice" && choice && (choice.debrief || realChoice) && (
        <aside class="reveal" aria-labelledby="reveal-heading">
          <h3 id="reveal-heading">What really happened</h3>
          {choice.debrief && <p>{choice.debrief}</p>}
          {choice.real ? (
            <p>The real engagement made this choice too.</p>
          ) : (
            realChoice && <p>The real engagement chose: {realChoice.label}.</p>
          )}
        </aside>
      )}
    </section>
  );
}

/** Why a metric moved, in the player's words. */
export function causeLabel(scenario: Scenario, cause: Cause): string {
  switch (cause.source) {
    case "choice":
      return "your choice";
    case "outcome":
      return "how it turned out";
    case "flow":
      return "the weekly drift";
    case "modifier":
      return lookup(scenario.modifiers, cause.id)?.label ?? cause.id;
    case "event":
      return scenario.events.find((e) => e.id === cause.id)?.title ?? cause.id;
  }
}
