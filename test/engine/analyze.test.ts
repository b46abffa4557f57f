import { describe, expect, it } from "vitest";
import { analyzeScenario } from "../../src/engine/index";
import { MINIMAL, sampleScenario, scenarioFrom } from "./helpers";

describe("the analyzer", () => {
  it("counts every run in exactly one ending and is reproducible from its seed", () => {
    const scenario = sampleScenario();
    const a = analyzeScenario(scenario, { runs: 500, seed: 3 });
    const b = analyzeScenario(scenario, { runs: 500, seed: 3 });
    expect(a).toEqual(b);
    const total = Object.values(a.endings).reduce((x, y) => x + y, 0) + a.stuck + a.tooLong;
    expect(total).toBe(500);
    expect(a.unvisitedNodes).toEqual([]);
    expect(a.metrics.trust!.min).toBeLessThanOrEqual(a.metrics.trust!.median);
    expect(a.metrics.trust!.median).toBeLessThanOrEqual(a.metrics.trust!.max);
  });

  const LOPSIDED = scenarioFrom(`${MINIMAL}
metrics:
  trust: { label: Trust, start: 40, min: 0, max: 100 }
  money: { label: Money, start: 100, min: 0 }
start: a
nodes:
  a:
    title: A
    text: Decide.
    choices:
      - { id: better, label: Better in every way, effects: { trust: 10, money: 10 }, goto: b }
      - { id: worse, label: Worse in every way, effects: { trust: -10, money: -10 }, goto: b }
      - { id: secret, label: Secret, requires: trust > 1000, goto: hidden }
  b:
    title: B
    text: Trade-off.
    choices:
      - { id: trusty, label: Trust, effects: { trust: 10, money: -20 }, goto: fine }
      - { id: thrifty, label: Money, effects: { money: 20, trust: -10 }, goto: fine }
  hidden:
    title: Hidden
    text: Never reached in play.
    choices:
      - { id: go, label: Go, goto: never }
endings:
  fine: { title: Fine, rating: 2 }
  never: { title: Never, rating: 3 }
`);

  it("finds choices that dominate their alternatives, and not trade-offs", () => {
    const r = analyzeScenario(LOPSIDED, { runs: 400 });
    expect(r.dominantChoices).toEqual([{ node: "a", choice: "better", over: ["worse"] }]);
  });

  it("lists endings and nodes no random run reached, and the exhaustive search agrees", () => {
    const r = analyzeScenario(LOPSIDED, { runs: 400 });
    expect(r.unreachedEndings).toEqual(["never"]);
    expect(r.unvisitedNodes).toEqual(["hidden"]);
    expect(r.bestEndingRate).toBe(0);
    expect(r.exhaustive).toMatchObject({ complete: true, paths: 16, unreachedEndings: ["never"] });
  });

  it("stops runs that loop for ever and counts them", () => {
    const loop = scenarioFrom(`${MINIMAL}
metrics: { trust: { label: Trust, start: 40 } }
start: a
nodes:
  a:
    title: A
    text: Round and round.
    choices:
      - { id: again, label: Again, weeks: 0, goto: a }
      - { id: out, label: Out, weeks: 0, outcomes: [{ chance: 0.001, goto: done }, { goto: a }] }
endings:
  done: { title: Done, rating: 1 }
`);
    const r = analyzeScenario(loop, { runs: 20, exhaustivePaths: 200 });
    expect(r.tooLong).toBeGreaterThan(0);
    expect(r.exhaustive?.complete).toBe(false);
  });
});
