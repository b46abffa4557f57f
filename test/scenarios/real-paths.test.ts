import { describe, expect, it } from "vitest";
import type { RunState } from "../../src/engine/index";
import { loadNamed, playRealPath } from "./support";

interface RealPath {
  name: string;
  /** The ending the real engagement reached, documented in docs/scenarios.md. */
  ending: string;
  /** Decisions on the real path (a few may depend on chance). */
  decisions: [min: number, max: number];
  /** What else the story says about where the real path ends up. */
  facts: (state: RunState) => void;
}

const REAL: RealPath[] = [
  {
    name: "tutorial-first-week",
    ending: "promising-start",
    decisions: [3, 3],
    facts: (s) => {
      // Workshop, rehearsal and a demonstration: hopeful stakeholders, a little more capability.
      expect(s.metrics.trust).toBeGreaterThanOrEqual(50);
      expect(s.metrics.velocity).toBeLessThan(3);
    },
  },
  {
    name: "phoenix-silo",
    ending: "silo-rises",
    decisions: [6, 6],
    facts: (s) => {
      // The team was scattered, its champion demotivated, and the silo re-formed underground.
      expect(s.flags.silo_reformed).toBe(true);
      expect(s.metrics.champion).toBeLessThan(40);
      expect(s.metrics.knowledge).toBeGreaterThanOrEqual(80);
    },
  },
  {
    name: "firewall-delays",
    ending: "weeks-per-rule",
    decisions: [5, 6],
    facts: (s) => {
      // Escalation, the production Chef server, the template the form could not carry: the rules open
      // eventually, and the gatekeepers trust the team less than when it started.
      expect(s.visited).toContain("big-meeting");
      expect(s.metrics.rules).toBeGreaterThanOrEqual(60);
      expect(s.metrics.goodwill).toBeLessThan(40);
      expect(s.flags.rules_checked).toBe(false);
    },
  },
  {
    name: "the-trust-gap",
    ending: "two-tribes",
    decisions: [6, 6],
    facts: (s) => {
      // One big demonstration, and the business still tests every release by hand.
      expect(s.flags.big_demo).toBe(true);
      expect(s.metrics.gate).toBeGreaterThanOrEqual(4);
      expect(s.metrics.coverage).toBeLessThan(30);
    },
  },
  {
    name: "a-false-start",
    ending: "analysis-paralysis",
    decisions: [22, 22],
    facts: (s) => {
      // Every episode of the story is on the path: the silo, the expert's leave, the missing prerequisites.
      for (const node of ["phoenix-silo", "chef-debate", "expert-away", "on-arrival", "fear-of-production"]) {
        expect(s.visited, node).toContain(node);
      }
      expect(s.flags.silo_underground).toBe(true);
      expect(s.flags.manual_testing).toBe(true);
      // Fast deploys to fake production, but fragile, held by one person, and nothing reaching users.
      expect(s.metrics.fragility).toBeGreaterThanOrEqual(60);
      expect(s.metrics.knowledge).toBeGreaterThanOrEqual(80);
      expect(s.metrics.velocity).toBeLessThan(2);
      expect(s.metrics.money).toBeGreaterThan(0);
    },
  },
];

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe.each(REAL)("the real path of $name", ({ name, ending, decisions, facts }) => {
  const { scenario } = loadNamed(name);

  it("ends at the ending marked real", () => {
    const marked = Object.values(scenario.endings).filter((e) => e.real);
    expect(marked.map((e) => e.id)).toEqual([ending]);
  });

  it.each(SEEDS)("reaches the documented ending with seed %i", (seed) => {
    const state = playRealPath(scenario, seed);
    expect(state.status).toBe("ended");
    expect(state.ending).toBe(ending);
    expect(state.choices.length).toBeGreaterThanOrEqual(decisions[0]);
    expect(state.choices.length).toBeLessThanOrEqual(decisions[1]);
    facts(state);
  });
});
