import { lookup, type Scenario } from "../../engine/index";
import { runPath } from "../real-path";
import type { TeamRuns, WorkshopSession } from "./session-model";

/** One team's step on its path: the decision number, the node and the choice. */
export interface TeamStep {
  teamId: string;
  node: string;
  choice: string;
}

/** Where the teams' paths first differ: the decision (from 1) and what each team did there. */
export interface Divergence {
  decision: number;
  steps: (TeamStep | { teamId: string; node: null; choice: null })[];
}

/**
 * The first decision at which the teams' paths differ (a different node or a different choice, or one team
 * having stopped), or null when every team has followed the same path so far.
 */
export function divergence(scenario: Scenario, session: WorkshopSession, runs: TeamRuns): Divergence | null {
  const paths = session.teams.map((t) => ({
    teamId: t.id,
    path: runPath(scenario, runs.get(t.id)?.history.log ?? []),
  }));
  const longest = Math.max(0, ...paths.map((p) => p.path.length));
  for (let i = 0; i < longest; i++) {
    const steps = paths.map(({ teamId, path }) => {
      const s = path[i];
      return s ? { teamId, node: s.node.id, choice: s.choice.id } : { teamId, node: null, choice: null };
    });
    const first = steps[0]!;
    if (steps.some((s) => s.node !== first.node || s.choice !== first.choice)) {
      return { decision: i + 1, steps };
    }
  }
  return null;
}

/** The teams grouped by the node they are deciding at (in team order), for views that show each node once. */
export function teamsByNode(session: WorkshopSession, runs: TeamRuns): { node: string; teamIds: string[] }[] {
  const groups: { node: string; teamIds: string[] }[] = [];
  for (const team of session.teams) {
    const run = runs.get(team.id);
    if (run?.status !== "deciding") continue;
    const group = groups.find((g) => g.node === run.at);
    if (group) group.teamIds.push(team.id);
    else groups.push({ node: run.at, teamIds: [team.id] });
  }
  return groups;
}

/** The label of a choice at a node, or its id when the scenario no longer has it. */
export function choiceLabel(scenario: Scenario, nodeId: string, choiceId: string): string {
  return lookup(scenario.nodes, nodeId)?.choices.find((c) => c.id === choiceId)?.label ?? choiceId;
}
