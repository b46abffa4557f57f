import { describe, expect, it } from "vitest";
import { loadNamed, SCENARIO_NAMES } from "./support";

describe.each(SCENARIO_NAMES)("the content of %s", (name) => {
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

  it("has endings of at least four different qualities, from failure to the best", () => {
    const ratings = new Set(Object.values(scenario.endings).map((e) => e.rating));
    expect([...ratings].sort()).toEqual([0, 1, 2, 3]);
  });

  it("draws its world: groups and work waiting in a queue", () => {
    expect(scenario.world).not.toBeNull();
    expect(scenario.world!.groups.length).toBeGreaterThanOrEqual(3);
    expect(scenario.world!.queues.length).toBeGreaterThanOrEqual(1);
  });
});

describe("the campaign", () => {
  const { scenario } = loadNamed("a-false-start");

  it("has at least fifteen decision points and a length a workshop can hold", () => {
    expect(Object.keys(scenario.nodes).length).toBeGreaterThanOrEqual(15);
    expect(scenario.minutes).toBeGreaterThanOrEqual(45);
    expect(scenario.minutes).toBeLessThanOrEqual(90);
  });

  it("raises a Phoenix Silo wall while the flag holds", () => {
    const walls = scenario.world!.walls.filter((w) => w.label === "Phoenix Silo");
    expect(walls).toHaveLength(1);
    expect(walls[0]!.around).toEqual(["devops"]);
  });
});
