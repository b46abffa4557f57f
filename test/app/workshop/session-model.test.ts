import { describe, expect, it } from "vitest";
import {
  type Change,
  closeRound,
  createSession,
  endedTeams,
  endWorkshop,
  enterChoice,
  pause,
  replayProblem,
  resume,
  setupProblem,
  startWorkshop,
  teamRuns,
  timeIsUp,
  timeLeft,
  undoLastEntry,
  type WorkshopSession,
  type WorkshopSetup,
} from "../../../src/app/workshop/session-model";
import { divergence, teamsByNode } from "../../../src/app/workshop/team-paths";
import { loadScenario, replay, type Scenario } from "../../../src/engine/index";
import { sample } from "../fixtures";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const setup: WorkshopSetup = {
  name: "Monday room",
  teamNames: ["Red", "Blue", "Green"],
  timerSeconds: 60,
  reveal: "each",
  sameSeed: true,
};

function ok(change: Change): WorkshopSession {
  if (!change.ok) throw new Error(`refused: ${change.reason}`);
  return change.session;
}

function started(
  scenario: Scenario = sample,
  s: WorkshopSetup = setup,
  seeds = [5, 6, 7, 8],
): WorkshopSession {
  let n = 0;
  const created = ok(createSession(scenario, s, { id: "ws-1", now: T0, newSeed: () => seeds[n++]! }));
  return ok(startWorkshop(created, T0));
}

/** A tiny scenario whose second choice is not available at the start. */
const gated = (() => {
  const result = loadScenario(
    "gated.yaml",
    `format: 1
id: gated
version: 3
title: Gated
summary: A test scenario.
minutes: 1
objectives: [Test the workshop]
metrics:
  trust: { label: Trust, start: 10, min: 0, max: 100 }
start: a
nodes:
  a:
    title: A
    text: Start.
    choices:
      - { id: wait, label: Wait, weeks: 1, effects: { trust: 30 }, goto: a2 }
      - { id: bold, label: Be bold, weeks: 1, requires: trust >= 30, requires_text: Nobody trusts you yet., goto: done }
      - { id: quit, label: Quit, weeks: 1, goto: gave-up }
  a2:
    title: A again
    text: Again.
    choices:
      - { id: bold, label: Be bold, weeks: 1, requires: trust >= 30, goto: done }
      - { id: stop, label: Stop, weeks: 1, goto: gave-up }
endings:
  done: { title: Done, rating: 3 }
  gave-up: { title: Gave up, rating: 0 }
`,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.scenario;
})();

describe("setting up a workshop", () => {
  it("creates the teams with one shared seed by default, in set-up, with a full timer", () => {
    const s = ok(createSession(sample, setup, { id: "ws-1", now: T0, newSeed: () => 42 }));
    expect(s.teams.map((t) => [t.name, t.seed, t.choices])).toEqual([
      ["Red", 42, []],
      ["Blue", 42, []],
      ["Green", 42, []],
    ]);
    expect(s).toMatchObject({
      phase: "setup",
      round: 1,
      scenarioId: sample.id,
      scenarioVersion: sample.version,
    });
    expect(timeLeft(s, T0 + 999_999)).toBe(60_000);
  });

  it("gives each team its own seed when asked", () => {
    let n = 0;
    const s = ok(
      createSession(sample, { ...setup, sameSeed: false }, { id: "x", now: T0, newSeed: () => ++n * 11 }),
    );
    expect(new Set(s.teams.map((t) => t.seed)).size).toBe(3);
  });

  it("refuses fewer than 2 or more than 12 teams, blank and repeated names, and odd timers", () => {
    expect(setupProblem({ ...setup, teamNames: ["Solo"] })).toMatch(/2 to 12 teams/);
    expect(setupProblem({ ...setup, teamNames: Array.from({ length: 13 }, (_, i) => `T${i}`) })).toMatch(
      /has 13/,
    );
    expect(setupProblem({ ...setup, teamNames: ["A", " "] })).toBe("Team 2 needs a name.");
    expect(setupProblem({ ...setup, teamNames: ["Blue", "blue "] })).toMatch(/Two teams are called "Blue"/);
    expect(setupProblem({ ...setup, timerSeconds: 2 })).toMatch(/5 to 3600/);
    expect(setupProblem({ ...setup, timerSeconds: null })).toBeNull();
    expect(setupProblem({ ...setup, teamNames: Array.from({ length: 12 }, (_, i) => `T${i}`) })).toBeNull();
    expect(
      createSession(sample, { ...setup, teamNames: ["A"] }, { id: "x", now: T0, newSeed: () => 1 }).ok,
    ).toBe(false);
  });
});

describe("rounds", () => {
  it("takes entries, advances every team that has one and keeps the others where they are", () => {
    let s = started();
    s = ok(enterChoice(s, sample, "team-1", "template", T0 + 1000));
    s = ok(enterChoice(s, sample, "team-2", "escalate", T0 + 2000));
    expect(s.pending).toEqual({ "team-1": "template", "team-2": "escalate" });
    s = ok(closeRound(s, sample, T0 + 10_000));
    expect(s.teams.map((t) => t.choices)).toEqual([["template"], ["escalate"], []]);
    expect(s.round).toBe(2);
    expect(s.rounds[0]).toMatchObject({ round: 1, without: ["team-3"], remainingMs: 50_000 });
    expect(s.pending).toEqual({});
    // The next round's timer starts full.
    expect(timeLeft(s, T0 + 10_000)).toBe(60_000);
    // Each team's run is its triple replayed.
    const runs = teamRuns(sample, s);
    expect(runs.get("team-2")).toEqual(replay(sample, 5, ["escalate"]).state);
    expect(runs.get("team-3")!.at).toBe(sample.start);
  });

  it("lets a team change its entry before the round closes", () => {
    let s = started();
    s = ok(enterChoice(s, sample, "team-1", "template", T0));
    s = ok(enterChoice(s, sample, "team-1", "escalate", T0));
    expect(s.pending).toEqual({ "team-1": "escalate" });
  });

  it("refuses an unavailable choice with the scenario's reason, an unknown choice and an unknown team", () => {
    const s = started(gated);
    const refused = enterChoice(s, gated, "team-1", "bold", T0);
    expect(refused).toEqual({ ok: false, reason: 'Red cannot choose "Be bold": Nobody trusts you yet.' });
    expect(enterChoice(s, gated, "team-1", "nope", T0)).toMatchObject({ ok: false, reason: /not a choice/ });
    expect(enterChoice(s, gated, "team-9", "wait", T0)).toMatchObject({ ok: false, reason: /no team/ });
  });

  it("refuses entries before the start and closing a round without any entry", () => {
    const created = ok(createSession(sample, setup, { id: "x", now: T0, newSeed: () => 1 }));
    expect(enterChoice(created, sample, "team-1", "template", T0).ok).toBe(false);
    expect(closeRound(started(), sample, T0)).toMatchObject({ ok: false, reason: /No team has an entry/ });
  });

  it("lets teams diverge to different nodes, and says where they first differed", () => {
    let s = started(gated);
    s = ok(enterChoice(s, gated, "team-1", "wait", T0));
    s = ok(enterChoice(s, gated, "team-2", "wait", T0));
    s = ok(enterChoice(s, gated, "team-3", "wait", T0));
    s = ok(closeRound(s, gated, T0));
    expect(divergence(gated, s, teamRuns(gated, s))).toBeNull();
    s = ok(enterChoice(s, gated, "team-1", "bold", T0));
    s = ok(closeRound(s, gated, T0));
    const runs = teamRuns(gated, s);
    expect(runs.get("team-1")!.status).toBe("ended");
    expect(endedTeams(s, runs).map((t) => t.name)).toEqual(["Red"]);
    expect(teamsByNode(s, runs)).toEqual([{ node: "a2", teamIds: ["team-2", "team-3"] }]);
    expect(divergence(gated, s, runs)).toEqual({
      decision: 2,
      steps: [
        { teamId: "team-1", node: "a2", choice: "bold" },
        { teamId: "team-2", node: null, choice: null },
        { teamId: "team-3", node: null, choice: null },
      ],
    });
    // An ended team takes no more entries.
    expect(enterChoice(s, gated, "team-1", "bold", T0)).toMatchObject({ ok: false, reason: /has ended/ });
  });

  it("opens the debrief by itself once every run has ended", () => {
    let s = started(gated, { ...setup, teamNames: ["A", "B"] });
    s = ok(enterChoice(s, gated, "team-1", "quit", T0));
    s = ok(enterChoice(s, gated, "team-2", "wait", T0));
    s = ok(closeRound(s, gated, T0));
    expect(s.phase).toBe("deciding");
    s = ok(enterChoice(s, gated, "team-2", "bold", T0));
    s = ok(closeRound(s, gated, T0));
    expect(s.phase).toBe("debrief");
    expect(timeLeft(s, T0)).toBeNull();
    expect(enterChoice(s, gated, "team-2", "bold", T0).ok).toBe(false);
  });

  it("can end the workshop early", () => {
    let s = started();
    s = ok(enterChoice(s, sample, "team-1", "template", T0));
    s = ok(endWorkshop(s, T0));
    expect(s).toMatchObject({ phase: "debrief", pending: {}, entries: [] });
  });
});

describe("undo", () => {
  it("takes back the last entry typed, bringing back the team's earlier entry", () => {
    let s = started();
    s = ok(enterChoice(s, sample, "team-1", "template", T0));
    s = ok(enterChoice(s, sample, "team-2", "escalate", T0));
    s = ok(enterChoice(s, sample, "team-1", "sit-together", T0));
    s = ok(undoLastEntry(s, T0));
    expect(s.pending).toEqual({ "team-1": "template", "team-2": "escalate" });
    s = ok(undoLastEntry(s, T0));
    expect(s.pending).toEqual({ "team-1": "template" });
  });

  it("with no entry this round, reopens the last closed round with its entries and paused timer", () => {
    let s = started();
    s = ok(enterChoice(s, sample, "team-1", "template", T0));
    s = ok(enterChoice(s, sample, "team-3", "escalate", T0));
    const before = s;
    s = ok(closeRound(s, sample, T0 + 15_000));
    s = ok(undoLastEntry(s, T0 + 20_000));
    expect(s.teams).toEqual(before.teams);
    expect(s.round).toBe(1);
    expect(s.pending).toEqual(before.pending);
    expect(s.entries).toEqual(before.entries);
    expect(s.rounds).toEqual([]);
    expect(s.phase).toBe("paused");
    expect(timeLeft(s, T0 + 99_000)).toBe(45_000);
    // And on to closing it again.
    s = ok(resume(s, T0 + 30_000));
    s = ok(closeRound(s, sample, T0 + 31_000));
    expect(s.teams.map((t) => t.choices)).toEqual([["template"], [], ["escalate"]]);
  });

  it("reopens the last round from the debrief", () => {
    let s = started(gated, { ...setup, teamNames: ["A", "B"] });
    s = ok(enterChoice(s, gated, "team-1", "quit", T0));
    s = ok(enterChoice(s, gated, "team-2", "quit", T0));
    s = ok(closeRound(s, gated, T0));
    expect(s.phase).toBe("debrief");
    s = ok(undoLastEntry(s, T0));
    expect(s.phase).toBe("paused");
    expect(s.teams.every((t) => t.choices.length === 0)).toBe(true);
  });

  it("has nothing to undo at the start", () => {
    expect(undoLastEntry(started(), T0)).toEqual({ ok: false, reason: "There is nothing to undo yet." });
  });
});

describe("the timer", () => {
  it("counts down from a deadline, so a reload (any later moment) knows what is left", () => {
    const s = started();
    expect(timeLeft(s, T0 + 25_000)).toBe(35_000);
    expect(timeIsUp(s, T0 + 59_999)).toBe(false);
    expect(timeIsUp(s, T0 + 60_000)).toBe(true);
    expect(timeLeft(s, T0 + 90_000)).toBe(0);
    // A serialised and restored record gives the same answer.
    const restored = JSON.parse(JSON.stringify(s)) as WorkshopSession;
    expect(timeLeft(restored, T0 + 25_000)).toBe(35_000);
  });

  it("pauses with what is left and runs on from there", () => {
    let s = started();
    s = ok(pause(s, T0 + 20_000));
    expect(s.phase).toBe("paused");
    expect(timeLeft(s, T0 + 500_000)).toBe(40_000);
    expect(timeIsUp(s, T0 + 500_000)).toBe(false);
    s = ok(resume(s, T0 + 500_000));
    expect(timeLeft(s, T0 + 510_000)).toBe(30_000);
    expect(pause(ok(pause(s, T0)), T0).ok).toBe(false);
  });

  it("has no time left to report without a timer, and still pauses for discussion", () => {
    let s = started(sample, { ...setup, timerSeconds: null });
    expect(timeLeft(s, T0)).toBeNull();
    expect(timeIsUp(s, T0 + 10 ** 9)).toBe(false);
    s = ok(pause(s, T0));
    expect(s.phase).toBe("paused");
    s = ok(resume(s, T0));
    expect(timeLeft(s, T0)).toBeNull();
  });
});

describe("replaying a stored workshop", () => {
  it("reports a team whose choices no longer fit the scenario, and a missing scenario", () => {
    const s = started();
    expect(replayProblem(sample, s)).toBeNull();
    const broken = { ...s, teams: s.teams.map((t, i) => (i === 1 ? { ...t, choices: ["no-such"] } : t)) };
    expect(replayProblem(sample, broken)).toMatch(/^Blue's choice 1 no longer fits/);
    expect(replayProblem(undefined, s)).toMatch(/is not available/);
  });
});
