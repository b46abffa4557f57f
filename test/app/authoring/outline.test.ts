import { describe, expect, it } from "vitest";
import { outlineOf } from "../../../src/app/authoring/outline";
import { newScenarioTemplate } from "../../../src/app/authoring/template";
import { loadScenario } from "../../../src/engine/index";
import { boxName, layoutOutline } from "../../../src/ui/author/graph-layout";

const template = newScenarioTemplate("my-story", "My story");

describe("the outline of a scenario's text", () => {
  it("knows the names, lines and edges of the template, with chance outcomes", () => {
    const o = outlineOf(template)!;
    expect(o.start).toBe("first-meeting");
    expect(o.metrics).toEqual(["trust", "money", "velocity"]);
    expect(o.flags).toEqual(["sponsor"]);
    expect(o.modifiers).toEqual(["coaching"]);
    const lines = template.split("\n");
    for (const n of o.nodes) expect(lines[n.line - 1]).toBe(`  ${n.id}:`);
    const plan = o.nodes.find((n) => n.id === "the-plan")!;
    expect(plan.edges.map((e) => [e.target, e.chance])).toEqual([
      ["the-review", 0.7],
      ["stalled", expect.closeTo(0.3, 10)],
      ["the-review", null],
    ]);
    expect(o.nodes.some((n) => n.unreachable || n.noWayOut)).toBe(false);
  });

  it("marks what the validator marks: unreachable nodes, nodes with no way out, missing targets", () => {
    const text = template.replace(
      "endings:\n",
      [
        "  island:",
        "    title: An island",
        "    text: Nothing leads here.",
        "    choices:",
        "      - { id: loop, label: Go round, goto: island }",
        "  lost:",
        "    title: Lost",
        "    text: A typo.",
        "    choices:",
        "      - { id: on, label: On, goto: nowhere }",
        "endings:",
        "",
      ].join("\n"),
    );
    const o = outlineOf(text)!;
    const island = o.nodes.find((n) => n.id === "island")!;
    expect(island).toMatchObject({ unreachable: true, noWayOut: true });
    expect(o.missing).toEqual(["nowhere"]);
    const messages = loadScenario("x.yaml", text).diagnostics.map((d) => d.message);
    expect(messages).toContain('node "island" cannot be reached from start');
    expect(messages).toContain('node "island" has no way out: no path from it leads to an ending');
    const laid = layoutOutline(o);
    expect(laid.boxes.map(boxName)).toContain("Node An island, 1 choice, unreachable, no way out");
    expect(laid.boxes.map(boxName)).toContain("Missing target nowhere");
  });

  it("is null for text that is not a YAML mapping", () => {
    expect(outlineOf("- just\n- a list\n")).toBeNull();
  });

  it("lays out 150 nodes without overlapping boxes", () => {
    const nodes = Array.from({ length: 150 }, (_, i) => {
      const next = i + 1 < 150 ? `n${i + 1}` : "done";
      const skip = i + 7 < 150 ? `n${i + 7}` : "done";
      return `  n${i}:\n    title: Node number ${i} with a longer title than most\n    text: t\n    choices:\n      - { id: a, label: A, goto: ${next} }\n      - { id: b, label: B, outcomes: [{ chance: 0.5, goto: ${skip} }, { goto: ${next} }] }`;
    }).join("\n");
    const text = `format: 1\nstart: n0\nnodes:\n${nodes}\nendings:\n  done: { title: Done, rating: 3 }\n`;
    const laid = layoutOutline(outlineOf(text)!);
    expect(laid.boxes).toHaveLength(151);
    const boxes = laid.boxes;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
    expect(laid.edges.filter((e) => e.chance !== null)).toHaveLength(300);
  });
});
