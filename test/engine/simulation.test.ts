import { describe, expect, it } from "vitest";
import { choicesAt, choose, type RunState, replay, type Scenario, startRun } from "../../src/engine/index";
import { MINIMAL, sampleScenario, scenarioFrom } from "./helpers";

function must(scenario: Scenario, state: RunState, choiceId: string): RunState {
  const r = choose(scenario, state, choiceId);
  if (!r.ok) throw new Error(r.reason);
  return r.state;
}

const WEEKLY = scenarioFrom(`${MINIMAL}
metrics:
  trust: { label: Trust, start: 40, min: 0, max: 100 }
  money: { label: Money, start: 30, min: 0 }
  velocity: { label: Velocity, start: 1, min: 0 }
flags:
  demoed: { label: Demo given }
flows:
  money: -10
  trust: (velocity - 2) * 2
modifiers:
  backed-out: { label: Rules backed out, flows: { velocity: -0.5 }, weeks: 2 }
  boost: { label: Boost, flows: { trust: 50 } }
start: a
nodes:
  a:
    title: A
    text: Decide.
    choices:
      - { id: wait, label: Wait, weeks: 2, goto: a }
      - { id: demo, label: Demo, weeks: 0, effects: { trust: 10, set: { demoed: true } }, goto: b }
      - { id: backout, label: Back out, weeks: 3, effects: { add: [backed-out] }, goto: a }
      - { id: boost, label: Boost, weeks: 1, effects: { add: [boost] }, goto: a }
  b:
    title: B
    text: After the demo.
    choices:
      - { id: gated, label: Needs trust, requires: trust >= 90, requires_text: Nobody trusts you yet., goto: good }
      - { id: back, label: Back, weeks: 1, goto: a }
endings:
  broke: { title: Broke, when: money <= 0, rating: 0 }
  good: { title: Good, rating: 3 }
`);

describe("a run of a scenario", () => {
  it("starts at the start node with every metric at its start value and week 0 recorded", () => {
    const s = startRun(WEEKLY, 7);
    expect(s.at).toBe("a");
    expect(s.status).toBe("deciding");
    expect(s.metrics).toEqual({ trust: 40, money: 30, velocity: 1 });
    expect(s.history.points).toEqual([{ week: 0, metrics: { trust: 40, money: 30, velocity: 1 } }]);
    expect(s.visited).toEqual(["a"]);
  });

  it("applies the weekly flows once per simulated week, against the state at the start of the week", () => {
    const s = must(WEEKLY, startRun(WEEKLY, 1), "wait");
    expect(s.week).toBe(2);
    expect(s.metrics.money).toBe(10);
    expect(s.metrics.trust).toBe(36);
    expect(s.history.points.map((p) => p.metrics.money)).toEqual([30, 20, 10]);
  });

  it("reports each cause with the week it applied in, as well as their totals", () => {
    const s = must(WEEKLY, startRun(WEEKLY, 1), "wait");
    expect(s.lastStep!.weekly).toEqual([
      { source: "flow", id: "flows", metric: "money", delta: -10, week: 1 },
      { source: "flow", id: "flows", metric: "trust", delta: -2, week: 1 },
      { source: "flow", id: "flows", metric: "money", delta: -10, week: 2 },
      { source: "flow", id: "flows", metric: "trust", delta: -2, week: 2 },
    ]);
    expect(s.lastStep!.causes).toEqual([
      { source: "flow", id: "flows", metric: "money", delta: -20 },
      { source: "flow", id: "flows", metric: "trust", delta: -4 },
    ]);
  });

  it("clamps metrics to their bounds and ends the run when an ending's condition holds", () => {
    let s = must(WEEKLY, startRun(WEEKLY, 1), "wait");
    s = must(WEEKLY, s, "wait");
    expect(s.metrics.money).toBe(0);
    expect(s.status).toBe("ended");
    expect(s.ending).toBe("broke");
    expect(s.week).toBe(3); // ended in the first week of the second wait, not after both weeks
    expect(s.history.log.at(-1)).toEqual({ kind: "ending", week: 3, ending: "broke" });
  });

  it("runs modifiers for their lifetime and then removes them", () => {
    const s = must(WEEKLY, startRun(WEEKLY, 1), "backout");
    // velocity 1 -> 0.5 -> 0 (clamped at min 0), modifier gone after 2 weeks
    expect(s.history.points.map((p) => p.metrics.velocity)).toEqual([1, 0.5, 0, 0]);
    expect(s.modifiers).toEqual([]);
  });

  it("keeps a modifier without a lifetime until removed, and clamps at max", () => {
    const s = must(WEEKLY, startRun(WEEKLY, 1), "boost");
    expect(s.modifiers).toEqual([{ id: "boost", weeksLeft: null }]);
    const t = must(WEEKLY, s, "boost");
    expect(t.metrics.trust).toBe(100);
    expect(t.modifiers).toHaveLength(1);
  });

  it("applies immediate effects and flags, and explains what changed and why", () => {
    const s = must(WEEKLY, startRun(WEEKLY, 1), "demo");
    expect(s.week).toBe(0);
    expect(s.flags.demoed).toBe(true);
    expect(s.at).toBe("b");
    expect(s.lastStep).toMatchObject({
      node: "a",
      choice: "demo",
      before: { trust: 40 },
      after: { trust: 50 },
      causes: [{ source: "choice", id: "demo", metric: "trust", delta: 10 }],
    });
  });

  it("marks choices whose requires fails as unavailable, with the author's reason, and refuses them", () => {
    const s = must(WEEKLY, startRun(WEEKLY, 1), "demo");
    const views = choicesAt(WEEKLY, s);
    expect(views.map((v) => [v.choice.id, v.available, v.reason])).toEqual([
      ["gated", false, "Nobody trusts you yet."],
      ["back", true, ""],
    ]);
    const refused = choose(WEEKLY, s, "gated");
    expect(refused).toEqual({ ok: false, reason: 'choice "gated" is not available: Nobody trusts you yet.' });
    expect(choose(WEEKLY, s, "nope").ok).toBe(false);
  });

  it("does not change the state it was given", () => {
    const s = startRun(WEEKLY, 1);
    const copy = structuredClone(s);
    must(WEEKLY, s, "wait");
    expect(s).toEqual(copy);
  });

  it("leaves the run stuck at a node where no choice is available", () => {
    const stuck = scenarioFrom(`${MINIMAL}
metrics: { trust: { label: Trust, start: 10 } }
start: a
nodes:
  a:
    title: A
    text: Only with trust.
    choices:
      - { id: go, label: Go, requires: trust > 50, goto: done }
endings:
  done: { title: Done, rating: 1 }
  timeout: { title: Timeout, when: week > 10, rating: 0 }
`);
    const s = startRun(stuck, 1);
    expect(s.status).toBe("stuck");
    expect(choose(stuck, s, "go").ok).toBe(false);
  });
});

describe("chance and events", () => {
  const CHANCY = scenarioFrom(`${MINIMAL}
metrics:
  money: { label: Money, start: 100, min: 0 }
  fragility: { label: Fragility, start: 80, max: 100, hidden: true }
start: a
nodes:
  a:
    title: A
    text: Decide.
    choices:
      - id: gamble
        label: Gamble
        weeks: 4
        outcomes:
          - { chance: 0.5, goto: a, effects: { money: -1 }, text: Lost. }
          - { goto: b, text: Won. }
      - { id: steady, label: Steady, weeks: 6, goto: b }
  b:
    title: B
    text: Done deciding.
    choices:
      - { id: finish, label: Finish, goto: done }
  leave:
    title: The expert is on leave
    text: Nobody else can deploy.
    choices:
      - { id: cope, label: Cope, goto: b }
events:
  expert-leave: { title: Expert on leave, text: Gone for two weeks., when: fragility > 70, chance_per_week: 0.3, goto: leave }
  audit: { title: Audit, text: An audit costs money., chance_per_week: 0.5, once: false, effects: { money: -5 } }
endings:
  done: { title: Done, rating: 2 }
`);

  it("gives the same history for the same seed and choices, and different ones for other seeds", () => {
    const runs = [1, 1, 2, 3, 4, 5].map((seed) => replay(CHANCY, seed, ["steady"]).state);
    expect(runs[0]).toEqual(runs[1]);
    const distinct = new Set(runs.slice(1).map((r) => JSON.stringify(r.history)));
    expect(distinct.size).toBeGreaterThan(1);
  });

  it("interrupts the choice's remaining weeks when an event with a goto fires", () => {
    let interrupted = 0;
    for (let seed = 0; seed < 50; seed++) {
      const s = replay(CHANCY, seed, ["steady"]).state;
      const leave = s.history.log.find((e) => e.kind === "event" && e.event === "expert-leave");
      if (leave) {
        interrupted++;
        expect(s.at).toBe("leave");
        expect(s.week).toBe(leave.week);
        expect(s.week).toBeLessThanOrEqual(6);
        expect(s.history.points.at(-1)!.week).toBe(leave.week);
      } else {
        expect(s.at).toBe("b");
        expect(s.week).toBe(6);
      }
    }
    expect(interrupted).toBeGreaterThan(10);
    expect(interrupted).toBeLessThan(50);
  });

  it("fires a once event at most once and a repeating event many times", () => {
    const s = replay(CHANCY, 11, ["steady"]).state;
    const s2 = s.at === "leave" ? replay(CHANCY, 11, ["steady", "cope", "finish"]).state : s;
    const events = s2.history.log.filter((e) => e.kind === "event");
    expect(events.filter((e) => e.kind === "event" && e.event === "expert-leave").length).toBeLessThanOrEqual(
      1,
    );
    let audits = 0;
    for (let seed = 0; seed < 20; seed++) {
      audits += replay(CHANCY, seed, ["steady"]).state.firedEvents.filter((e) => e === "audit").length;
    }
    expect(audits).toBeGreaterThan(0);
  });

  it("draws chance outcomes in proportion to their chances", () => {
    let lost = 0;
    const n = 2000;
    const noEvents = scenarioFrom(`${MINIMAL}
metrics: { money: { label: Money, start: 100 } }
start: a
nodes:
  a:
    title: A
    text: Decide.
    choices:
      - id: gamble
        label: Gamble
        outcomes:
          - { chance: 0.25, goto: lost }
          - { goto: won }
endings:
  lost: { title: Lost, rating: 0 }
  won: { title: Won, rating: 3 }
`);
    for (let seed = 0; seed < n; seed++)
      if (replay(noEvents, seed, ["gamble"]).state.ending === "lost") lost++;
    expect(lost / n).toBeGreaterThan(0.21);
    expect(lost / n).toBeLessThan(0.29);
  });
});

describe("replay", () => {
  it("rebuilds a run from its seed and choices, and says where a choice list stops applying", () => {
    const sample = sampleScenario();
    const r = replay(sample, 5, ["escalate", "demo"]);
    expect(r.ok).toBe(true);
    expect(r.state.ending).toBe("deployed-trusted");
    const bad = replay(sample, 5, ["escalate", "resubmit"]);
    expect(bad).toMatchObject({ ok: false, failedAt: 1 });
    if (!bad.ok) expect(bad.reason).toMatch(/no choice "resubmit" at node "rules-open"/);
  });
});

describe("play-testing from any node", () => {
  it("starts at the chosen node with chosen metrics (clamped) and flags", async () => {
    const { startRunAt } = await import("../../src/engine/index");
    const r = startRunAt(WEEKLY, 3, {
      node: "b",
      metrics: { trust: 95, money: 1e9 },
      flags: { demoed: true },
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.state.at).toBe("b");
    expect(r.state.metrics).toEqual({ trust: 95, money: 1e9, velocity: 1 });
    expect(r.state.flags.demoed).toBe(true);
    expect(choicesAt(WEEKLY, r.state).map((v) => v.available)).toEqual([true, true]);
    const next = must(WEEKLY, r.state, "gated");
    expect(next.ending).toBe("good");
    const clamped = startRunAt(WEEKLY, 3, { node: "a", metrics: { trust: 400 } });
    expect(clamped.ok && clamped.state.metrics.trust).toBe(100);
  });

  it("refuses unknown nodes, metrics and flags", async () => {
    const { startRunAt } = await import("../../src/engine/index");
    expect(startRunAt(WEEKLY, 1, { node: "zz" })).toEqual({ ok: false, reason: 'there is no node "zz"' });
    expect(startRunAt(WEEKLY, 1, { node: "a", metrics: { mood: 1 } })).toEqual({
      ok: false,
      reason: 'there is no metric "mood"',
    });
    expect(startRunAt(WEEKLY, 1, { node: "a", flags: { x: true } })).toEqual({
      ok: false,
      reason: 'there is no flag "x"',
    });
  });
});
