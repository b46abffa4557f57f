import { type ChoiceDef, type LogEntry, lookup, type NodeDef, type Scenario } from "../engine/index";

/** One step of a path: the node and the choice made there. */
export interface PathStep {
  node: NodeDef;
  choice: ChoiceDef;
}

/**
 * The path the real engagement took: from the start, the choices marked `real`, following outcomes (in file
 * order) until an ending marked `real` (else any ending) is reached. Empty when the scenario marks no path.
 */
export function realPath(scenario: Scenario): PathStep[] {
  const realEnding = Object.values(scenario.endings).some((e) => e.real);
  const search = (at: string, seen: Set<string>): PathStep[] | null => {
    const ending = lookup(scenario.endings, at);
    if (ending) return !realEnding || ending.real ? [] : null;
    const node = lookup(scenario.nodes, at);
    if (!node || seen.has(at)) return null;
    const choice = node.choices.find((c) => c.real);
    if (!choice) return null;
    const next = new Set(seen).add(at);
    for (const outcome of choice.outcomes) {
      const rest = search(outcome.goto, next);
      if (rest) return [{ node, choice }, ...rest];
    }
    return null;
  };
  return search(scenario.start, new Set()) ?? [];
}

/** The path a run took, from its log. */
export function runPath(scenario: Scenario, log: readonly LogEntry[]): PathStep[] {
  const steps: PathStep[] = [];
  for (const entry of log) {
    if (entry.kind !== "choice") continue;
    const { node: nodeId, choice: choiceId } = entry;
    const node = lookup(scenario.nodes, nodeId);
    const choice = node?.choices.find((c) => c.id === choiceId);
    if (node && choice) steps.push({ node, choice });
  }
  return steps;
}
