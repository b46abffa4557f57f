import { describe, expect, it } from "vitest";
import { loadNamed } from "./support";

const NAMES = ["tutorial-first-week", "phoenix-silo"];

describe.each(NAMES)("the content of %s", (name) => {
  const { scenario, diagnostics } = loadNamed(name);

  it("loads with no warnings and its id matches its file name", () => {
    expect(diagnostics).toEqual([]);
    expect(scenario.id).toBe(name);
  });

  it("tracks trust, money and velocity with a unit and a meaning", () => {
    for (const id of ["trust", "money", "velocity"]) {
      const metric = scenario.metrics.find((m) => m.id === id);
      expect(metric, id).toBeDefined();
      expect(metric!.hidden).toBe(false);
      expect(metric!.unit, id).not.toBe("");
      expect(metric!.description, id).not.toBe("");
    }
  });

  it("credits the source under CC BY-SA 4.0 and gives the room something to discuss", () => {
    expect(scenario.source).toContain("CC BY-SA 4.0");
    expect(scenario.discussion.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(scenario.glossary).length).toBeGreaterThanOrEqual(3);
  });

  it("has a facilitator note on every node and a debrief on every choice", () => {
    for (const node of Object.values(scenario.nodes)) {
      expect(node.facilitator, node.id).not.toBe("");
      expect(node.choices.length, node.id).toBeGreaterThanOrEqual(2);
      for (const choice of node.choices) expect(choice.debrief, `${node.id}/${choice.id}`).not.toBe("");
    }
  });

  it("draws its world: groups and work waiting in a queue", () => {
    expect(scenario.world).not.toBeNull();
    expect(scenario.world!.groups.length).toBeGreaterThanOrEqual(3);
    expect(scenario.world!.queues.length).toBeGreaterThanOrEqual(1);
  });
});
