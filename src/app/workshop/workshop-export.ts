import { lookup, type Scenario, tripleOf } from "../../engine/index";
import { runPath } from "../real-path";
import { textCell, toCsv, weekHeader, weekRows } from "../run-export";
import { type TeamRuns, WORKSHOP_FORMAT, type WorkshopSession } from "./session-model";

/** The whole workshop as JSON: every team's reproducible triple, where it ended, its path and history. */
export function workshopToJson(
  scenario: Scenario,
  session: WorkshopSession,
  runs: TeamRuns,
  exportedAt: Date,
): string {
  const data = {
    kind: "change-is-hard-workshop",
    workshopFormat: WORKSHOP_FORMAT,
    exportedAt: exportedAt.toISOString(),
    id: session.id,
    name: session.name,
    scenarioTitle: scenario.title,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    rounds: session.rounds.map((r) => ({
      round: r.round,
      advanced: r.advanced.map((a) => ({ team: teamName(session, a.teamId), choice: a.choiceId })),
      withoutEntry: r.without.map((id) => teamName(session, id)),
    })),
    teams: session.teams.map((team) => {
      const state = runs.get(team.id)!;
      return {
        name: team.name,
        triple: tripleOf(state),
        status: state.status,
        ending: state.ending,
        endingTitle: state.ending ? (lookup(scenario.endings, state.ending)?.title ?? state.ending) : null,
        week: state.week,
        metrics: state.metrics,
        path: runPath(scenario, state.history.log).map((s) => ({ node: s.node.id, choice: s.choice.id })),
        history: state.history,
      };
    }),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Every team's run week by week as CSV: one row per team and week, with every metric and what happened. */
export function workshopToCsv(scenario: Scenario, session: WorkshopSession, runs: TeamRuns): string {
  const rows = [[textCell("team"), ...weekHeader(scenario)]];
  for (const team of session.teams) {
    for (const row of weekRows(scenario, runs.get(team.id)!)) rows.push([textCell(team.name), ...row]);
  }
  return toCsv(rows);
}

/** A file name for a workshop export. */
export function workshopFileName(session: WorkshopSession, extension: "json" | "csv"): string {
  const slug = session.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `workshop-${slug || session.id}.${extension}`;
}

function teamName(session: WorkshopSession, id: string): string {
  return session.teams.find((t) => t.id === id)?.name ?? id;
}
