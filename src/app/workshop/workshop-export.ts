import { lookup, type Scenario, tripleOf } from "../../engine/index";
import { runPath } from "../real-path";
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
  const header = [
    "team",
    "week",
    ...scenario.metrics.map((m) => (m.unit ? `${m.label} (${m.unit})` : m.label)),
    "choices",
    "events",
    "ending",
  ];
  const rows = [header.map(textCell)];
  for (const team of session.teams) {
    const state = runs.get(team.id)!;
    for (const point of state.history.points) {
      const choices: string[] = [];
      const events: string[] = [];
      let ending = "";
      for (const e of state.history.log) {
        if (e.week !== point.week) continue;
        if (e.kind === "choice") {
          choices.push(
            lookup(scenario.nodes, e.node)?.choices.find((c) => c.id === e.choice)?.label ?? e.choice,
          );
        } else if (e.kind === "event") {
          events.push(scenario.events.find((x) => x.id === e.event)?.title ?? e.event);
        } else if (e.kind === "ending") {
          ending = lookup(scenario.endings, e.ending)?.title ?? e.ending;
        }
      }
      rows.push([
        textCell(team.name),
        String(point.week),
        ...scenario.metrics.map((m) => String(point.metrics[m.id] ?? "")),
        textCell(choices.join("; ")),
        textCell(events.join("; ")),
        textCell(ending),
      ]);
    }
  }
  return `${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
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

/** A text cell, quoted when needed; text a spreadsheet would run as a formula is prefixed with an apostrophe. */
function textCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
