import { describe, expect, it } from "vitest";
import { loadNamed, playRealPath } from "./support";

/** The documented outcome of each scenario's real path (see docs/scenarios.md). */
const REAL: { name: string; ending: string; minDecisions: number; maxDecisions: number }[] = [
  { name: "tutorial-first-week", ending: "promising-start", minDecisions: 3, maxDecisions: 3 },
  { name: "phoenix-silo", ending: "silo-rises", minDecisions: 6, maxDecisions: 6 },
];

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe.each(REAL)("the real path of $name", ({ name, ending, minDecisions, maxDecisions }) => {
  const { scenario } = loadNamed(name);

  it("reaches the ending marked real", () => {
    const marked = Object.values(scenario.endings).filter((e) => e.real);
    expect(marked.map((e) => e.id)).toEqual([ending]);
  });

  it.each(SEEDS)("reaches the documented ending with seed %i", (seed) => {
    const state = playRealPath(scenario, seed);
    expect(state.status).toBe("ended");
    expect(state.ending).toBe(ending);
    expect(state.choices.length).toBeGreaterThanOrEqual(minDecisions);
    expect(state.choices.length).toBeLessThanOrEqual(maxDecisions);
  });
});
