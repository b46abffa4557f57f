import { choicesAt, type RunState, replay, type Scenario } from "../../engine/index";

/** The workshop record format this version writes. Older formats are migrated on load; newer ones are refused. */
export const WORKSHOP_FORMAT = 2;

/** The smallest and largest room. */
export const MIN_TEAMS = 2;
export const MAX_TEAMS = 12;

/** Where a workshop is: created but not started, deciding (timer running), paused for discussion, or debriefing. */
export type WorkshopPhase = "setup" | "deciding" | "paused" | "debrief";

/** When "what really happened" is shown: after each round is closed, or only in the debrief. */
export type RevealSetting = "each" | "end";

/** A team: its name and its reproducible run (with the session's scenario): the seed and the choices it made. */
export interface WorkshopTeam {
  id: string;
  name: string;
  seed: number;
  choices: string[];
}

/**
 * The round's timer. `durationMs` null: no timer. While deciding, `deadline` is the moment (ms since the epoch)
 * time is up; while paused (or before the first round), `remainingMs` holds what is left. Timestamps, not
 * ticks, so a reload keeps the remaining time.
 */
export interface RoundTimer {
  durationMs: number | null;
  deadline: number | null;
  remainingMs: number | null;
}

/** One entry typed this round, in order (the undo log). */
export interface EntryLogItem {
  teamId: string;
  choiceId: string;
  at: number;
}

/** A closed round: which team advanced with which choice, which had no entry and stayed where it was. */
export interface ClosedRound {
  round: number;
  closedAt: number;
  advanced: { teamId: string; choiceId: string }[];
  /** Teams still playing that had no entry: they stayed at their node. */
  without: string[];
  /** The time that was left when the round was closed (null: no timer); undo reopens the round with it. */
  remainingMs: number | null;
  /** The undo log of the round, kept so that undoing the close brings every entry back. */
  entries: EntryLogItem[];
}

/** A workshop: a scenario played by several teams in rounds. The teams' triples are the persisted truth. */
export interface WorkshopSession {
  workshopFormat: typeof WORKSHOP_FORMAT;
  id: string;
  name: string;
  scenarioId: string;
  scenarioVersion: number;
  /** For the list only, so it reads well even when the scenario is missing. */
  scenarioTitle: string;
  teams: WorkshopTeam[];
  /** The round being decided, from 1. */
  round: number;
  /** This round's entries: team id → choice id. */
  pending: Record<string, string>;
  /** This round's entries in the order they were typed, for undo. */
  entries: EntryLogItem[];
  rounds: ClosedRound[];
  timer: RoundTimer;
  reveal: RevealSetting;
  phase: WorkshopPhase;
  createdAt: string;
  updatedAt: string;
}

/** What the facilitator fills in on the set-up form. */
export interface WorkshopSetup {
  name: string;
  teamNames: string[];
  /** Seconds per decision; null or 0: no timer. */
  timerSeconds: number | null;
  reveal: RevealSetting;
  /** True (the default): every team starts from the same seed, so differences come from choices alone. */
  sameSeed: boolean;
}

/** The result of a change: the new session, or why it was refused (a sentence for the facilitator). */
export type Change = { ok: true; session: WorkshopSession } | { ok: false; reason: string };

const refuse = (reason: string): Change => ({ ok: false, reason });

/** Why a set-up cannot be used, or null when it can. */
export function setupProblem(setup: WorkshopSetup): string | null {
  const names = setup.teamNames.map((n) => n.trim());
  if (names.length < MIN_TEAMS || names.length > MAX_TEAMS) {
    return `A workshop has ${MIN_TEAMS} to ${MAX_TEAMS} teams; this one has ${names.length}.`;
  }
  const blank = names.indexOf("");
  if (blank >= 0) return `Team ${blank + 1} needs a name.`;
  const lower = names.map((n) => n.toLowerCase());
  const twice = lower.findIndex((n, i) => lower.indexOf(n) !== i);
  if (twice >= 0)
    return `Two teams are called "${names[lower.indexOf(lower[twice]!)]}"; give each team its own name.`;
  const t = setup.timerSeconds;
  if (t !== null && t !== 0 && (!Number.isInteger(t) || t < 5 || t > 3600)) {
    return "The decision timer is a whole number of seconds from 5 to 3600 (or none).";
  }
  return null;
}

/** A new workshop, in set-up: no round has started, the timer (if any) is full. */
export function createSession(
  scenario: Scenario,
  setup: WorkshopSetup,
  deps: { id: string; now: number; newSeed: () => number },
): Change {
  const problem = setupProblem(setup);
  if (problem) return refuse(problem);
  const shared = deps.newSeed();
  const durationMs = setup.timerSeconds ? setup.timerSeconds * 1000 : null;
  const at = new Date(deps.now).toISOString();
  return {
    ok: true,
    session: {
      workshopFormat: WORKSHOP_FORMAT,
      id: deps.id,
      name: setup.name.trim() || `${scenario.title} workshop`,
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      scenarioTitle: scenario.title,
      teams: setup.teamNames.map((name, i) => ({
        id: `team-${i + 1}`,
        name: name.trim(),
        seed: setup.sameSeed ? shared : deps.newSeed(),
        choices: [],
      })),
      round: 1,
      pending: {},
      entries: [],
      rounds: [],
      timer: { durationMs, deadline: null, remainingMs: durationMs },
      reveal: setup.reveal,
      phase: "setup",
      createdAt: at,
      updatedAt: at,
    },
  };
}

/** Each team's run, rebuilt from its triple. A triple that no longer replays is reported with the reason. */
export type TeamRuns = Map<string, RunState>;

/** Rebuilds every team's run; throws with a clear reason when a team's choices no longer fit the scenario. */
export function teamRuns(scenario: Scenario, session: WorkshopSession): TeamRuns {
  const runs: TeamRuns = new Map();
  for (const team of session.teams) {
    const result = replay(scenario, team.seed, team.choices);
    if (!result.ok) {
      throw new Error(
        `${team.name}'s choice ${result.failedAt + 1} no longer fits "${scenario.title}": ${result.reason}`,
      );
    }
    runs.set(team.id, result.state);
  }
  return runs;
}

/** Why this workshop cannot be played with this scenario, or null when every team's run replays. */
export function replayProblem(scenario: Scenario | undefined, session: WorkshopSession): string | null {
  if (!scenario) return `its scenario "${session.scenarioTitle}" (${session.scenarioId}) is not available`;
  try {
    teamRuns(scenario, session);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The teams whose runs have ended (or are stuck): they take no more entries. */
export function endedTeams(session: WorkshopSession, runs: TeamRuns): WorkshopTeam[] {
  return session.teams.filter((t) => runs.get(t.id)?.status !== "deciding");
}

/** The teams still deciding. */
export function activeTeams(session: WorkshopSession, runs: TeamRuns): WorkshopTeam[] {
  return session.teams.filter((t) => runs.get(t.id)?.status === "deciding");
}

function touch(session: WorkshopSession, now: number, change: Partial<WorkshopSession>): WorkshopSession {
  return { ...session, ...change, updatedAt: new Date(now).toISOString() };
}

function runningTimer(timer: RoundTimer, now: number, remainingMs = timer.durationMs): RoundTimer {
  if (timer.durationMs === null || remainingMs === null)
    return { ...timer, deadline: null, remainingMs: null };
  return { ...timer, deadline: now + remainingMs, remainingMs: null };
}

/** Starts the first round: the timer starts running. */
export function startWorkshop(session: WorkshopSession, now: number): Change {
  if (session.phase !== "setup") return refuse("The workshop has already started.");
  return {
    ok: true,
    session: touch(session, now, {
      phase: "deciding",
      timer: runningTimer(session.timer, now, session.timer.remainingMs),
    }),
  };
}

/** Records a team's choice for this round (replacing an earlier entry of the team), checked with the engine. */
export function enterChoice(
  session: WorkshopSession,
  scenario: Scenario,
  teamId: string,
  choiceId: string,
  now: number,
): Change {
  if (session.phase === "setup") return refuse("Start the first round before entering choices.");
  if (session.phase === "debrief")
    return refuse("The workshop is in its debrief; no more choices are taken.");
  const team = session.teams.find((t) => t.id === teamId);
  if (!team) return refuse(`There is no team with the id "${teamId}".`);
  const result = replay(scenario, team.seed, team.choices);
  if (!result.ok) return refuse(`${team.name}'s run no longer replays: ${result.reason}`);
  if (result.state.status !== "deciding")
    return refuse(`${team.name}'s run has ended; it takes no more choices.`);
  const view = choicesAt(scenario, result.state).find((v) => v.choice.id === choiceId);
  if (!view) return refuse(`"${choiceId}" is not a choice at ${team.name}'s decision.`);
  if (!view.available) return refuse(`${team.name} cannot choose "${view.choice.label}": ${view.reason}`);
  return {
    ok: true,
    session: touch(session, now, {
      pending: { ...session.pending, [teamId]: choiceId },
      entries: [...session.entries, { teamId, choiceId, at: now }],
    }),
  };
}

/**
 * Undo. With entries this round, the last one typed is taken back (the team's earlier entry, if any, returns).
 * With none, the last closed round is reopened: its advances are taken back and its entries are pending again,
 * with the timer paused at what was left when it was closed. Nothing to undo in the first round's empty state.
 */
export function undoLastEntry(session: WorkshopSession, now: number): Change {
  if (session.phase === "setup") return refuse("There is nothing to undo yet.");
  if (session.entries.length > 0) {
    const entries = session.entries.slice(0, -1);
    return { ok: true, session: touch(session, now, { entries, pending: pendingOf(entries) }) };
  }
  const last = session.rounds[session.rounds.length - 1];
  if (!last) return refuse("There is nothing to undo yet.");
  const advanced = new Set(last.advanced.map((a) => a.teamId));
  const teams = session.teams.map((t) =>
    advanced.has(t.id) ? { ...t, choices: t.choices.slice(0, -1) } : t,
  );
  const remainingMs =
    session.timer.durationMs === null ? null : (last.remainingMs ?? session.timer.durationMs);
  return {
    ok: true,
    session: touch(session, now, {
      teams,
      round: last.round,
      rounds: session.rounds.slice(0, -1),
      entries: last.entries,
      pending: pendingOf(last.entries),
      phase: "paused",
      timer: { ...session.timer, deadline: null, remainingMs },
    }),
  };
}

/** The pending entries that an entry log leaves: the last entry of each team. */
function pendingOf(entries: readonly EntryLogItem[]): Record<string, string> {
  const pending: Record<string, string> = {};
  for (const e of entries) pending[e.teamId] = e.choiceId;
  return pending;
}

/**
 * Closes the round: every team with an entry advances by it; teams still playing without one stay where they
 * are (recorded in the round). The next round starts with a full timer, or the debrief when every run has ended.
 */
export function closeRound(session: WorkshopSession, scenario: Scenario, now: number): Change {
  if (session.phase === "setup") return refuse("Start the first round first.");
  if (session.phase === "debrief") return refuse("The workshop is in its debrief.");
  if (session.entries.length === 0)
    return refuse("No team has an entry yet: enter at least one choice first.");
  const runs = teamRuns(scenario, session);
  const advanced: ClosedRound["advanced"] = [];
  const without: string[] = [];
  const teams = session.teams.map((team) => {
    const choiceId = Object.hasOwn(session.pending, team.id) ? session.pending[team.id] : undefined;
    if (choiceId === undefined) {
      if (runs.get(team.id)?.status === "deciding") without.push(team.id);
      return team;
    }
    advanced.push({ teamId: team.id, choiceId });
    return { ...team, choices: [...team.choices, choiceId] };
  });
  const next: WorkshopSession = { ...session, teams };
  // The entries were checked when typed; a replay here proves the advanced runs are sound before saving them.
  const after = teamRuns(scenario, next);
  const allEnded = session.teams.every((t) => after.get(t.id)?.status !== "deciding");
  const remainingMs = timeLeft(session, now);
  return {
    ok: true,
    session: touch(session, now, {
      teams,
      round: session.round + 1,
      pending: {},
      entries: [],
      rounds: [
        ...session.rounds,
        { round: session.round, closedAt: now, advanced, without, remainingMs, entries: session.entries },
      ],
      phase: allEnded ? "debrief" : "deciding",
      timer: allEnded
        ? { ...session.timer, deadline: null, remainingMs: null }
        : runningTimer(session.timer, now),
    }),
  };
}

/** Pauses for discussion: the timer (if any) stops with what is left. */
export function pause(session: WorkshopSession, now: number): Change {
  if (session.phase !== "deciding") return refuse("Only a running round can be paused.");
  const left = timeLeft(session, now);
  return {
    ok: true,
    session: touch(session, now, {
      phase: "paused",
      timer: { ...session.timer, deadline: null, remainingMs: left },
    }),
  };
}

/** Resumes after a pause: the timer runs on from what was left. */
export function resume(session: WorkshopSession, now: number): Change {
  if (session.phase !== "paused") return refuse("The round is not paused.");
  return {
    ok: true,
    session: touch(session, now, {
      phase: "deciding",
      timer: runningTimer(session.timer, now, session.timer.remainingMs),
    }),
  };
}

/** Ends the rounds early (or after the last) and opens the room debrief. Entries not yet closed are dropped. */
export function endWorkshop(session: WorkshopSession, now: number): Change {
  if (session.phase === "debrief") return refuse("The workshop is already in its debrief.");
  return {
    ok: true,
    session: touch(session, now, {
      phase: "debrief",
      pending: {},
      entries: [],
      timer: { ...session.timer, deadline: null, remainingMs: null },
    }),
  };
}

/** Leaves the debrief to play on (when some team can still decide): a new round with a full timer. */
export function backToRounds(session: WorkshopSession, runs: TeamRuns, now: number): Change {
  if (session.phase !== "debrief") return refuse("The workshop is not in its debrief.");
  if (activeTeams(session, runs).length === 0) return refuse("Every team's run has ended.");
  return {
    ok: true,
    session: touch(session, now, { phase: "deciding", timer: runningTimer(session.timer, now) }),
  };
}

/** The time left in this round in ms (0 once time is up), or null when the workshop has no timer running. */
export function timeLeft(session: WorkshopSession, now: number): number | null {
  const { durationMs, deadline, remainingMs } = session.timer;
  if (durationMs === null) return null;
  if (deadline !== null) return Math.max(0, deadline - now);
  return remainingMs === null ? null : Math.max(0, remainingMs);
}

/** True when the round has a timer and it has run out. */
export function timeIsUp(session: WorkshopSession, now: number): boolean {
  return session.phase === "deciding" && timeLeft(session, now) === 0;
}

/** A fresh workshop id. */
export function newWorkshopId(): string {
  return `ws-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}
