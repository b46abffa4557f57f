import { lookup, type RunState, type Scenario } from "../engine/index";
import { formatDelta, formatMetric, roundMetric, visibleMetrics } from "./metric-format";

/** The sentence the live region reads after a step: the week, what changed, interruptions, where the run is now. */
export function describeStep(scenario: Scenario, state: RunState): string {
  const step = state.lastStep;
  const parts: string[] = [`Week ${state.week}.`];
  if (step) {
    for (const m of visibleMetrics(scenario.metrics)) {
      const delta = (step.after[m.id] ?? 0) - (step.before[m.id] ?? 0);
      if (roundMetric(m, delta) !== 0) {
        parts.push(`${m.label} ${formatMetric(m, step.after[m.id] ?? 0)} (${formatDelta(m, delta)}).`);
      }
    }
    for (const id of step.events) {
      const ev = scenario.events.find((e) => e.id === id);
      if (ev) parts.push(`Interruption: ${ev.title}.`);
    }
  }
  parts.push(whereNow(scenario, state));
  return parts.join(" ");
}

/** Where the run is, as a sentence. */
export function whereNow(scenario: Scenario, state: RunState): string {
  if (state.status === "ended" && state.ending) {
    return `The run ended: ${lookup(scenario.endings, state.ending)?.title ?? state.ending}.`;
  }
  const node = lookup(scenario.nodes, state.at);
  if (state.status === "stuck")
    return `The run is stuck at ${node?.title ?? state.at}: no choice is available.`;
  return `Now: ${node?.title ?? state.at}.`;
}
