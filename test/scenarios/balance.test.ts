import { describe, expect, it } from "vitest";
import { analyzeScenario } from "../../src/engine/index";
import { loadNamed, SCENARIO_NAMES } from "./support";

/** The scenarios under balance checks. */

describe.each(SCENARIO_NAMES)("the balance of %s", (name) => {
  const { scenario } = loadNamed(name);
  const report = analyzeScenario(scenario, { runs: 2000, seed: 1, exhaustivePaths: 0 });

  it("lets random players reach every ending and every node", () => {
    expect(report.unreachedEndings).toEqual([]);
    expect(report.unvisitedNodes).toEqual([]);
  });

  it("never leaves a player stuck or looping", () => {
    expect(report.stuck).toBe(0);
    expect(report.tooLong).toBe(0);
  });

  it("has no choice that beats its alternatives on every gauge and on the ending", () => {
    expect(report.dominantChoices).toEqual([]);
  });

  it("makes the best ending possible but not easy for a random player", () => {
    expect(report.bestEndingRate).toBeGreaterThan(0);
    expect(report.bestEndingRate).toBeLessThan(0.33);
  });

  it("has no decision where one option leads to a far better ending on average", () => {
    const byNode = new Map<string, number[]>();
    for (const c of report.choices) {
      if (c.taken < 30) continue;
      byNode.set(c.node, [...(byNode.get(c.node) ?? []), c.meanRating]);
    }
    for (const [node, ratings] of byNode) {
      const gap = Math.max(...ratings) - Math.min(...ratings);
      expect(gap, `rating gap at ${node}`).toBeLessThan(1.2);
    }
  });
});
