import { CompletionContext } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { outlineOf } from "../../../src/app/authoring/outline";
import { newScenarioTemplate } from "../../../src/app/authoring/template";
import { complete } from "../../../src/ui/author/yaml-editor";

const template = newScenarioTemplate("my-story", "My story");
const outline = outlineOf(template)!;

/** The labels offered with the cursor at `|` in `line` (appended to the template), and where they replace from. */
function offered(line: string, explicit = false): { labels: string[]; replaced: string } | null {
  const at = line.indexOf("|");
  const doc = `${template}${line.replace("|", "")}`;
  const pos = template.length + at;
  const result = complete(new CompletionContext(EditorState.create({ doc }), pos, explicit), outline);
  if (!result) return null;
  return { labels: result.options.map((o) => o.label), replaced: doc.slice(result.from, pos) };
}

describe("completion in the editor", () => {
  it("offers nodes and endings after goto: and start:", () => {
    const r = offered("        goto: the-|")!;
    expect(r.labels).toEqual(["first-meeting", "the-plan", "the-review", "stalled", "it-worked"]);
    expect(r.replaced).toBe("the-");
    expect(offered("start: |")!.labels).toContain("it-worked");
  });

  it("offers flags, modifiers and nodes after their prefixes in expressions", () => {
    expect(offered("        requires: flags.|")!.labels).toEqual(["sponsor"]);
    expect(offered("        requires: trust > 3 and modifiers.co|")!).toEqual({
      labels: ["coaching"],
      replaced: "co",
    });
    expect(offered("  when: visited.|")!.labels).toContain("the-review");
  });

  it("offers modifiers in add and remove lists, flags in set", () => {
    expect(offered("        effects: { add: [|")!.labels).toEqual(["coaching"]);
    expect(offered("        effects: { remove: [coaching, |")!.labels).toEqual(["coaching"]);
    expect(offered("        effects: { set: { |")!.labels).toEqual(["sponsor"]);
  });

  it("offers metrics, namespaces and functions in a condition", () => {
    const r = offered("        requires: tr|")!;
    expect(r.labels).toEqual(
      expect.arrayContaining(["trust", "money", "velocity", "flags.", "modifiers.", "min", "and"]),
    );
    expect(r.replaced).toBe("tr");
  });

  it("offers the format's fields, with their help, at the start of a line", () => {
    const r = offered("requ|")!;
    expect(r.labels).toContain("requires");
    expect(r.labels).toContain("chance_per_week");
  });

  it("offers nothing inside plain text", () => {
    expect(offered("    text: The team is |")).toBeNull();
  });
});

describe("field help", () => {
  it("reads each field's help from the published schema, by the section it is written in", async () => {
    const { helpFor } = await import("../../../src/ui/author/schema-help");
    expect(helpFor("start", "")).toBe("The first node");
    expect(helpFor("start", "metrics")).toBe("Value at week 0");
    expect(helpFor("requires", "nodes")).toBe("Condition for the choice to be available (expression)");
    expect(helpFor("no_such_field", "nodes")).toBeNull();
  });
});
