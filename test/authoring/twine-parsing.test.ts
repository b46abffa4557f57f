import { describe, expect, it } from "vitest";
import { importTwine, parseTwee, parseTwineHtml, TwineImportError } from "../../src/authoring/twine/index";
import { parseLinkInner } from "../../src/authoring/twine/links";
import { translateCondition, type VariableKind } from "../../src/authoring/twine/variables";
import { importChecked, scenarioOf, warningLines } from "./twine-support";

describe("Twee 3 headers", () => {
  it("reads tags, metadata and escaped metacharacters", () => {
    const story = parseTwee(
      ':: A \\[b\\] \\\\c [forest spooky] {"position":"1,2"}\ntext\n\n\n:: StoryTitle\nT\n',
    );
    expect(story.name).toBe("T");
    expect(story.passages).toEqual([{ name: "A [b] \\c", tags: ["forest", "spooky"], text: "text" }]);
  });

  it("tolerates StoryData that is not JSON, with a warning", () => {
    const story = parseTwee(":: StoryData\n{ nope\n:: Start\nHi");
    expect(story.warnings).toEqual([
      { passage: "StoryData", message: "StoryData is not valid JSON; ignored" },
    ]);
  });
});

describe("Twine links", () => {
  it.each([
    ["Target", { label: "Target", target: "Target" }],
    ["Go->Target", { label: "Go", target: "Target" }],
    ["Target<-Go", { label: "Go", target: "Target" }],
    ["Go|Target", { label: "Go", target: "Target" }],
    ["a->b->c", { label: "a->b", target: "c" }],
    ["Go|Target][$x to 1", { label: "Go", target: "Target", setter: "$x to 1" }],
  ])("[[%s]]", (inner, expected) => expect(parseLinkInner(inner)).toEqual(expected));
});

describe("conditions", () => {
  const vars = new Map<string, VariableKind>([
    ["trust", { kind: "metric", name: "trust" }],
    ["key", { kind: "flag", name: "key" }],
  ]);
  it.each([
    ["harlowe", "$trust >= 30", "trust >= 30"],
    ["harlowe", "$trust is not 3", "trust != 3"],
    ["harlowe", "30 < $trust", "trust > 30"],
    ["harlowe", "$trust > -5", "trust > -5"],
    ["harlowe", "$key and ($trust > 1 or $trust < -1)", "flags.key and (trust > 1 or trust < -1)"],
    ["sugarcube", "$trust gte 3 && !$key", "trust >= 3 and not flags.key"],
    ["sugarcube", "$key isnot false", "flags.key"],
    ["chapbook", "trust === 3 || key == false", "trust == 3 or not flags.key"],
  ] as const)("%s: %s", (dialect, source, expected) => {
    expect(translateCondition(source, dialect, vars)).toBe(expected);
  });
  it.each([
    ["$name is 'Ana'", /not a number or true\/false/],
    ["_x > 1", /temporary variable/],
    ["$trust", /a number, not a yes\/no condition/],
    ["(random: 1, 6) > 3", /not a story variable/],
    ["$trust > ", /ends too early/],
  ])("refuses %s", (source, why) => {
    expect(() => translateCondition(source, "harlowe", vars)).toThrow(why);
  });
});

describe("Twine HTML", () => {
  const html = (passages: string, extra = "") =>
    `<html><body><tw-storydata name="S &amp; T" startnode="2" format="SugarCube" ${extra}>` +
    `<script role="script" id="twine-user-script" type="text/twine-javascript">alert("&lt;tw-storydata&gt;")</script>` +
    `${passages}</tw-storydata></body></html>`;

  it("decodes entities in names and passage text, and finds the start by pid", () => {
    const [story] = parseTwineHtml(
      html(
        `<tw-passagedata pid="1" name="End &quot;here&quot;">Bye &amp; thanks</tw-passagedata>` +
          `<tw-passagedata pid="2" name="Begin">&lt;&lt;set $x to 1&gt;&gt;[[Leave-&gt;End "here"]]</tw-passagedata>`,
      ),
    );
    expect(story!.name).toBe("S & T");
    expect(story!.start).toBe("Begin");
    expect(story!.passages[0]).toEqual({ name: 'End "here"', tags: [], text: "Bye & thanks" });
    expect(story!.passages[1]!.text).toBe('<<set $x to 1>>[[Leave->End "here"]]');
    expect(story!.warnings).toEqual([
      { message: "the story's JavaScript was dropped (it is never run or kept)" },
    ]);
  });

  it("imports it, with the script dropped and the metric from the set", () => {
    const r = importTwine(
      html(
        `<tw-passagedata pid="1" name="End">Bye</tw-passagedata>` +
          `<tw-passagedata pid="2" name="Begin">&lt;&lt;set $x to 1&gt;&gt;[[Leave-&gt;End]]</tw-passagedata>`,
      ),
    );
    expect(scenarioOf(r).metrics).toEqual({ x: { label: "X", start: 1 } });
    expect(scenarioOf(r).start).toBe("begin");
  });

  it("keeps a passage's raw markup even when it was not escaped", () => {
    const [story] = parseTwineHtml(
      html(`<tw-passagedata pid="2" name="B">a <b>bold</b> move</tw-passagedata>`),
    );
    expect(story!.passages[0]!.text).toBe("a <b>bold</b> move");
  });

  it("names the stories of an archive and refuses an unknown --story", () => {
    const archive = `<tw-storydata name="One" hidden><tw-passagedata pid="1" name="A">x</tw-passagedata></tw-storydata>
<tw-storydata name="Two" hidden><tw-passagedata pid="1" name="B">y</tw-passagedata></tw-storydata>`;
    expect(importTwine(archive, { story: "Two" }).story).toBe("Two");
    expect(() => importTwine(archive, { story: "Three" })).toThrow(
      'no story named "Three" in the file; it holds "One", "Two"',
    );
  });
});

describe("files that cannot be imported give clear errors", () => {
  it.each([
    ["", "the file is empty"],
    ["   \n", "the file is empty"],
    ["hello world", "this is neither Twee"],
    ["::\x00binary", "this is a binary file"],
    [":: StoryTitle\nOnly a title", 'the story "Only a title" has no passages to import'],
    ['<tw-storydata name="X"></tw-storydata>', 'the story "X" has no passages to import'],
    [`:: Start\n${"(if: true)[".repeat(500)}`, "nests macros or hooks more than 100 deep"],
    [`:: Start\n${"<<if true>>".repeat(500)}`, "nests macros or hooks more than 100 deep"],
    [`${":: P\n".repeat(5001)}`, "more than 5000 passages"],
  ])("%#: %s", (text, message) => {
    expect(() => importTwine(text)).toThrow(TwineImportError);
    expect(() => importTwine(text)).toThrow(message);
  });

  it("refuses input that is too large", () => {
    expect(() => importTwine(`:: Start\n${"x".repeat(20_000_001)}`)).toThrow("the file is too large");
  });

  it("refuses a story whose scenario would exceed 1 MB", () => {
    const big = Array.from(
      { length: 300 },
      (_, i) => `:: P${i}\n${"words ".repeat(700)}\n[[P${i + 1}]]`,
    ).join("\n");
    expect(() => importTwine(big)).toThrow(/a scenario file may be at most 1 MB/);
  });
});

describe("awkward input", () => {
  it("replaces characters that were not UTF-8 (U+FFFD), which the scenario loader would take for binary", () => {
    const { r } = importChecked(":: Start\nA \uFFFD B\n[[Go->End]]\n:: End\nDone", "x");
    expect(scenarioOf(r).nodes.start?.text).toBe("A ? B");
    expect(warningLines(r)[0]).toBe('the file holds characters that were not valid UTF-8; they read "?"');
  });

  it.each([
    ["Harlowe", "", "(a: "],
    ["Harlowe", "", '(a: "'],
    ["SugarCube", "SugarCube", "<<a "],
    ["SugarCube", "SugarCube", '<<a "'],
    ["Chapbook", "Chapbook", "{'a "],
  ])("refuses masses of unclosed %s markup with a clear error", (_, format, unit) => {
    const head = format ? `:: StoryData\n{"format":"${format}"}\n` : "";
    expect(() => importTwine(`${head}:: Start\n${unit.repeat(100_000)}`)).toThrow(
      'passage "Start": it has too much unclosed markup to read (check its brackets and quotes)',
    );
  });

  it("imports a long chain of passages", () => {
    const text = Array.from({ length: 2000 }, (_, i) => `:: P${i}\n[[P${i + 1}]] (set: $x to it + 1)`).join(
      "\n",
    );
    const { r } = importChecked(text, "chain");
    expect(Object.keys(scenarioOf(r).nodes)).toHaveLength(1999);
    expect(scenarioOf(r).endings).toHaveProperty("p1999");
  });
});

describe("numbers", () => {
  it("sums decimals without binary noise and refuses numbers the expression language cannot write", () => {
    const text = [
      ":: Start",
      "(set: $x to 1000000000000000000000)(set: $z to it + 0.1)(set: $z to it + 0.2)",
      "[[Go->A]]",
      ":: A",
      "(set: $z to it + 0.1)(set: $z to it + 0.2)",
      "Done.",
    ].join("\n");
    const { r, diagnostics } = importChecked(text, "n");
    expect(diagnostics).toEqual([]);
    expect(scenarioOf(r).metrics).toEqual({ z: { label: "Z", start: 0.3 } });
    expect(scenarioOf(r).nodes.start?.choices[0]?.effects).toEqual({ z: 0.3 });
    expect(warningLines(r)).toContain(
      'Start: the assignment "$x to 1000000000000000000000" is not mapped: the number is too large or too small',
    );
  });
});

describe("nothing from the file is executed", () => {
  it("keeps script-like text as inert text and validates", () => {
    const text = [
      ":: Start",
      "<script>globalThis.__twinePwned = true</script>",
      "(set: $x to (function(){ globalThis.__twinePwned = true })())",
      "<<run globalThis.__twinePwned = true>>",
      "[[Go->End]]",
      ":: End",
      "Done.",
    ].join("\n");
    const { r } = importChecked(text, "x");
    expect((globalThis as Record<string, unknown>).__twinePwned).toBeUndefined();
    expect(r.yaml).not.toContain("__twinePwned = true\n");
    expect(warningLines(r).some((w) => w.includes("not mapped"))).toBe(true);
  });
});
