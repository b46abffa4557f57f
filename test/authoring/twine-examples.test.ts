import { describe, expect, it } from "vitest";
import { choice, example, exampleFiles, importChecked, scenarioOf, warningLines } from "./twine-support";

/** Concrete facts about each shared example, checked after import; every example file must have an entry. */
const CHECKS: Record<string, () => void> = {
  "cookbook__chapbook_lockandkey_variable_twee.txt": () => {
    const { r, diagnostics } = importChecked(example("cookbook__chapbook_lockandkey_variable_twee.txt"), "c");
    const s = scenarioOf(r);
    expect(diagnostics).toEqual([]);
    expect(s.title).toBe("Chapbook: Lock and Key: Variable");
    expect(s.start).toBe("start");
    expect(Object.keys(s.nodes)).toEqual(["start", "front-room", "back-room"]);
    expect(Object.keys(s.endings)).toEqual(["exit"]);
    expect(s.flags).toEqual({ key: { label: "Key", start: false } });
    expect(choice(r, "front-room", "unlock-the-door")).toEqual({
      id: "unlock-the-door",
      label: "Unlock the door",
      requires: "flags.key",
      goto: "exit",
    });
    // The {reveal link} folds passage "Key" (its vars and text) into an in-place choice.
    expect(choice(r, "back-room", "pick-up-key")).toEqual({
      id: "pick-up-key",
      label: "Pick up key",
      requires: "not flags.key",
      effects: { set: { key: true } },
      outcomes: [{ goto: "back-room", text: "You picked up the key!" }],
    });
    expect(warningLines(r)).toContain(
      "Key: only revealed in place by a {reveal link}; folded into that choice",
    );
  },
  "cookbook__harlowe_lockandkey_variable_example.html": () => {
    const { r, diagnostics } = importChecked(
      example("cookbook__harlowe_lockandkey_variable_example.html"),
      "h",
    );
    const s = scenarioOf(r);
    expect(diagnostics).toEqual([]);
    expect(s.title).toBe("Lock and Key: Variable in Harlowe");
    expect(Object.keys(s.nodes)).toEqual(["start", "front-room", "back-room"]);
    expect(s.endings.exit?.text).toBe("You found the key and went through the door!");
    expect(choice(r, "front-room", "exit").requires).toBe("flags.key");
    // (link: &quot;Pick up key&quot;) is decoded, and its (set:) becomes the choice's effect.
    expect(choice(r, "back-room", "pick-up-key")).toMatchObject({
      requires: "not flags.key",
      effects: { set: { key: true } },
      outcomes: [{ goto: "back-room", text: "You have a key." }],
    });
    expect(warningLines(r).some((w) => w.includes("format"))).toBe(false); // Harlowe is declared
  },
  "cookbook__harlowe_lockandkey_variable_twee.txt": () => {
    const { r, diagnostics } = importChecked(example("cookbook__harlowe_lockandkey_variable_twee.txt"), "h");
    const s = scenarioOf(r);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(s.nodes)).toHaveLength(3);
    expect(s.nodes["front-room"]?.text).toBe("Locked Door\n\nRooms:");
    expect(choice(r, "start", "back-room").goto).toBe("back-room");
    expect(warningLines(r)).toContain("the story format is not declared; its markup was read as harlowe's");
  },
  "cookbook__harlowe_player_statistics_twee.txt": () => {
    const { r, diagnostics } = importChecked(example("cookbook__harlowe_player_statistics_twee.txt"), "p");
    const s = scenarioOf(r);
    expect(diagnostics).toEqual([]);
    // The startup-tagged passage ("Startup[startup]", tag glued to the name) gives the start values.
    expect(s.metrics).toEqual({
      empathy: { label: "Empathy", start: 10 },
      intelligence: { label: "Intelligence", start: 10 },
      totalPoints: { label: "Total points", start: 5 },
    });
    expect(Object.keys(s.nodes)).toEqual(["start"]);
    expect(Object.keys(s.endings)).toEqual(["test-stats"]);
    const plus = choice(r, "start", "choice");
    expect(plus).toMatchObject({
      label: "|+|",
      requires: "totalPoints > 0",
      effects: { empathy: 1, totalPoints: -1 },
    });
    expect(choice(r, "start", "reset-points").effects).toEqual({
      empathy: "10 - empathy",
      intelligence: "10 - intelligence",
      totalPoints: "5 - totalPoints",
    });
    expect(choice(r, "start", "test-stats").goto).toBe("test-stats");
    expect(warningLines(r)).toContain(
      'Test Stats: the assignment "_result to (random: 1, 6) + $intelligence" is not mapped: _result is a temporary variable',
    );
  },
  "cookbook__sugarcube_lockandkey_variable_example.html": () => {
    const { r, diagnostics } = importChecked(
      example("cookbook__sugarcube_lockandkey_variable_example.html"),
      "s",
    );
    const s = scenarioOf(r);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(s.nodes)).toEqual(["start", "back-room", "front-room"]);
    // &lt;&lt;set $key to false&gt;&gt; is decoded before the macros are read.
    expect(s.flags?.key).toEqual({ label: "Key", start: false });
    expect(choice(r, "back-room", "pick-up-the-key")).toMatchObject({
      requires: "not flags.key",
      effects: { set: { key: true } },
    });
    expect(choice(r, "front-room", "exit")).toMatchObject({ requires: "flags.key", goto: "exit" });
  },
  "cookbook__sugarcube_lockandkey_variable_twee.txt": () => {
    const { r, diagnostics } = importChecked(
      example("cookbook__sugarcube_lockandkey_variable_twee.txt"),
      "s",
    );
    expect(diagnostics).toEqual([]);
    expect(Object.keys(scenarioOf(r).nodes)).toEqual(["start", "back-room", "front-room"]);
    expect(choice(r, "front-room", "exit").requires).toBe("flags.key");
    expect(warningLines(r)).toContain("the story format is not declared; its markup was read as sugarcube's");
  },
  "cookbook__sugarcube_player_statistics_twee.txt": () => {
    const { r, diagnostics } = importChecked(example("cookbook__sugarcube_player_statistics_twee.txt"), "p");
    const s = scenarioOf(r);
    expect(diagnostics).toEqual([]);
    // StoryInit gives the start values; ++ and -- become +1 and -1; gt becomes >.
    expect(s.metrics.totalPoints).toEqual({ label: "Total points", start: 5 });
    expect(Object.keys(s.nodes)).toEqual(["start"]);
    expect(choice(r, "start", "choice")).toMatchObject({
      label: "[+]",
      requires: "totalPoints > 0",
      effects: { empathy: 1, totalPoints: -1 },
    });
    expect(choice(r, "start", "reset-points").effects).toEqual({
      empathy: "10 - empathy",
      intelligence: "10 - intelligence",
      totalPoints: "5 - totalPoints",
    });
    // The backslash line continuations join "Empathy: \\" to the (mapped, removed) <<link>> macros.
    expect(s.nodes.start?.text).toBe(
      "Empathy:\nIntelligence:\n\nEmpathy: 10\nIntelligence: 10\nRemaining Points: 5",
    );
    expect(warningLines(r)).toContain("Start: <<print $empathy>> is not mapped");
  },
  "extwee__TweeParser_example.twee": () => {
    const { r, diagnostics } = importChecked(example("extwee__TweeParser_example.twee"), "t");
    const s = scenarioOf(r);
    expect(diagnostics).toEqual([]);
    expect(s.title).toBe("twineExample");
    expect(Object.keys(s.nodes)).toEqual(["start", "another-passage", "a-third-passage", "a-fourth-passage"]);
    expect(Object.keys(s.endings)).toEqual(["a-fifth-passage"]);
    expect(choice(r, "a-third-passage", "start").goto).toBe("start");
    expect(s.source).toContain("by Dan"); // the StoryAuthor passage
    expect(Object.keys(s.metrics)).toEqual(["trust", "money", "velocity"]); // no variables: the usual three
  },
  "extwee__Twine2ArchiveHTMLParser_test1.html": () => {
    const text = example("extwee__Twine2ArchiveHTMLParser_test1.html");
    const first = importChecked(text, "a");
    expect(first.r.stories).toEqual(["Untitled Story 6", "Untitled Story"]);
    expect(first.r.story).toBe("Untitled Story 6");
    expect(warningLines(first.r)[0]).toBe(
      'the file holds 2 stories; imported the first, "Untitled Story 6" (pick another with --story: "Untitled Story")',
    );
    expect(scenarioOf(first.r).start).toBe("untitled-passage");
    const second = importChecked(text, "a", "Untitled Story");
    const s = scenarioOf(second.r);
    expect(s.title).toBe("Untitled Story");
    // One empty passage: the start stays a node, with a way to an added ending.
    expect(choice(second.r, "untitled-passage", "end-here").goto).toBe("the-end");
    expect(second.diagnostics).toEqual([]);
  },
  "extwee__Twine2HTMLParser_Example1.html": () => {
    const { r, diagnostics } = importChecked(example("extwee__Twine2HTMLParser_Example1.html"), "e");
    const s = scenarioOf(r);
    expect(diagnostics).toEqual([]);
    expect(s.title).toBe("Example1");
    expect(Object.keys(s.nodes)).toEqual(["untitled-passage", "another-passage"]);
    expect(choice(r, "another-passage", "a-third").goto).toBe("a-third");
    expect(s.endings["a-third"]?.text).toBe("Double-click this passage to edit it.");
    expect(warningLines(r)).toEqual(
      expect.arrayContaining([
        "the story's stylesheet was dropped (it is never run or kept)",
        "the story's JavaScript was dropped (it is never run or kept)",
      ]),
    );
  },
};

describe("importing the shared Twine examples", () => {
  it("has a check for every example file (../shared/twine/examples)", () => {
    expect(exampleFiles()).toEqual(Object.keys(CHECKS).sort());
  });
  for (const [file, check] of Object.entries(CHECKS)) it(`imports ${file}`, check);
});
