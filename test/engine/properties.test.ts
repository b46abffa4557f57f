import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  choicesAt,
  choose,
  loadScenario,
  type RunState,
  replay,
  type Scenario,
  startRun,
} from "../../src/engine/index";
import { sampleScenario, scenarioFrom } from "./helpers";

const BOUNDED = scenarioFrom(`format: 1
id: bounded
title: Bounded
summary: Large swings against tight bounds.
minutes: 5
objectives: [Stay in bounds]
metrics:
  trust: { label: Trust, start: 50, min: 0, max: 100 }
  money: { label: Money, start: 20, min: -10, max: 40 }
  velocity: { label: Velocity, start: 1, min: 0, max: 5, decimals: 1 }
flows:
  trust: (velocity - 2) * 7
  money: -3 + velocity
modifiers:
  surge: { label: Surge, flows: { velocity: 2, trust: -9 }, weeks: 2 }
start: hub
nodes:
  hub:
    title: Hub
    text: Choose again and again.
    choices:
      - { id: spend, label: Spend, weeks: 2, effects: { money: -25, velocity: 3 }, goto: hub }
      - { id: surge, label: Surge, weeks: 1, effects: { add: [surge] }, goto: hub }
      - id: gamble
        label: Gamble
        weeks: 3
        outcomes:
          - { chance: 0.4, goto: hub, effects: { trust: 60 } }
          - { goto: hub, effects: { trust: -60, money: 30 } }
      - { id: finish, label: Finish, weeks: 0, goto: done }
events:
  crash: { title: Crash, text: Everything breaks., when: velocity > 3, chance_per_week: 0.3, once: false, effects: { velocity: -10, trust: -20 } }
endings:
  done: { title: Done, rating: 2 }
  late: { title: Late, when: week > 40, rating: 0 }
`);

/** Plays a run where each decision picks among the available choices by the given indices. */
function play(scenario: Scenario, seed: number, picks: number[]): RunState {
  let state = startRun(scenario, seed);
  for (const p of picks) {
    if (state.status !== "deciding") break;
    const options = choicesAt(scenario, state).filter((v) => v.available);
    const r = choose(scenario, state, options[p % options.length]!.choice.id);
    if (!r.ok) throw new Error(r.reason);
    state = r.state;
  }
  return state;
}

const runArb = fc.record({ seed: fc.integer(), picks: fc.array(fc.nat(10), { maxLength: 40 }) });

describe("properties of the simulation", () => {
  it("keeps every metric within its bounds at every recorded week", () => {
    fc.assert(
      fc.property(runArb, ({ seed, picks }) => {
        const state = play(BOUNDED, seed, picks);
        for (const point of state.history.points) {
          for (const m of BOUNDED.metrics) {
            const v = point.metrics[m.id]!;
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(m.min);
            expect(v).toBeLessThanOrEqual(m.max);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("replays any run exactly from its seed and choices", () => {
    for (const scenario of [BOUNDED, sampleScenario()]) {
      fc.assert(
        fc.property(runArb, ({ seed, picks }) => {
          const original = play(scenario, seed, picks);
          const again = replay(scenario, seed, original.choices);
          expect(again.ok).toBe(true);
          expect(again.state).toEqual(original);
        }),
        { numRuns: 200 },
      );
    }
  });

  it("records one history point per simulated week", () => {
    fc.assert(
      fc.property(runArb, ({ seed, picks }) => {
        const state = play(BOUNDED, seed, picks);
        expect(state.history.points.map((p) => p.week)).toEqual(
          Array.from({ length: state.week + 1 }, (_, i) => i),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe("properties of the validator", () => {
  const check = (text: string) => {
    const result = loadScenario("random.yaml", text);
    for (const d of result.diagnostics) {
      expect(d.file).toBe("random.yaml");
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message).not.toMatch(/internal error|at \w+ \(|TypeError|undefined/);
    }
    return result;
  };

  it("never crashes on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => void check(text)),
      { numRuns: 500 },
    );
  });

  it("never crashes on random YAML values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => void check(stringify(value))),
      { numRuns: 500 },
    );
  });

  it("never crashes when parts of a valid scenario are replaced by random values", () => {
    const base = {
      format: 1,
      id: "base",
      title: "Base",
      summary: "A valid scenario to break.",
      minutes: 5,
      objectives: ["Break it"],
      metrics: { trust: { label: "Trust", start: 40, min: 0, max: 100 } },
      flags: { silo: { label: "Silo" } },
      start: "a",
      nodes: {
        a: {
          title: "A",
          text: "Decide.",
          choices: [
            {
              id: "go",
              label: "Go",
              requires: "trust > 3",
              effects: { trust: 1, set: { silo: true } },
              goto: "done",
            },
          ],
        },
      },
      endings: { done: { title: "Done", rating: 1, when: "flags.silo and trust > 99" } },
    };
    const paths = [
      ["metrics"],
      ["metrics", "trust"],
      ["metrics", "trust", "start"],
      ["nodes", "a"],
      ["nodes", "a", "choices"],
      ["nodes", "a", "choices", 0],
      ["nodes", "a", "choices", 0, "requires"],
      ["nodes", "a", "choices", 0, "effects"],
      ["endings"],
      ["endings", "done", "when"],
      ["start"],
      ["flags"],
      ["format"],
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const copy = structuredClone(base) as Record<string, unknown>;
        let target = copy as Record<string | number, unknown>;
        for (const seg of path.slice(0, -1)) target = target[seg] as Record<string | number, unknown>;
        target[path.at(-1)!] = value;
        check(stringify(copy));
      }),
      { numRuns: 800 },
    );
  });
});
