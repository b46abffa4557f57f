/** The story as a graph, for the reachability rules the validator and the authoring graph share. */
export interface StoryGraph {
  start: string | null;
  /** Node id to the ids (nodes or endings) its choices and outcomes can lead to. */
  edges: ReadonlyMap<string, readonly string[]>;
  endingIds: ReadonlySet<string>;
  /** Targets of events' gotos: reachable from anywhere time passes. */
  eventTargets: readonly string[];
  /** Nodes with at least one choice that takes time (weeks > 0). */
  timePasses: ReadonlySet<string>;
  /** Some ending has a `when`, or some event leads to an ending: time alone can end a run. */
  timeCanEnd: boolean;
}

/** What the rules conclude about each node and ending. */
export interface Reachability {
  /** Nodes and endings reached from start or from an event's goto. */
  reached: Set<string>;
  /** Nodes from which some path leads to an ending (or time passes while time alone can end the run). */
  canEnd: Set<string>;
  /** Ids some reached node or some event leads to. */
  targeted: Set<string>;
}

/**
 * Reachability: reached from start or an event's goto; a way out when a path leads to an ending, or time
 * passes there and an ending or event can end the run on its own.
 */
export function reachability(graph: StoryGraph): Reachability {
  const reached = new Set<string>();
  const queue = [graph.start ?? "", ...graph.eventTargets].filter((t) => t !== "");
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const next of graph.edges.get(id) ?? []) queue.push(next);
  }
  const canEnd = new Set<string>(graph.endingIds);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, next] of graph.edges) {
      if (canEnd.has(id)) continue;
      if (next.some((n) => canEnd.has(n)) || (graph.timePasses.has(id) && graph.timeCanEnd)) {
        canEnd.add(id);
        changed = true;
      }
    }
  }
  const targeted = new Set<string>(graph.eventTargets);
  for (const [id, next] of graph.edges) if (reached.has(id)) for (const n of next) targeted.add(n);
  return { reached, canEnd, targeted };
}
