import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importTwine, TwineImportError } from "../../src/authoring/twine/index";
import { loadScenario } from "../../src/engine/index";

/** Pieces of Twine markup, so random text often looks like a real story. */
const token = fc.constantFrom(
  ":: ",
  ":: Start\n",
  ":: Next [tag]\n",
  ":: StoryInit\n",
  ":: StoryData\n",
  '{"start":"Next"}',
  "\n",
  "[[",
  "]]",
  "->",
  "<-",
  "|",
  "[[Next]]",
  "[[Go->Start]]",
  "(set: $x to it + 1)",
  "(set: $f to true)",
  "(if: $x > 2)[",
  "(else:)[",
  "]",
  '(link: "a")[',
  "<<set $x += 2>>",
  "<<if $x gte 1>>",
  "<<else>>",
  "<</if>>",
  '<<link "b">>',
  "<</link>>",
  "x: 3\n--\n",
  "[if x > 1]\n",
  "[else]\n",
  "{reveal link: 'r', passage: 'Next'}",
  "$x",
  "_t",
  "&amp;",
  "<b>",
  '"',
  "'",
  "\\",
  "{",
  "}",
  "(",
  ")",
  "text ",
  '<tw-passagedata pid="1" name="Start">',
  '<tw-passagedata pid="2" name="Next" tags="startup">',
  "</tw-passagedata>",
  '<tw-storydata name="T" startnode="2">',
  "</tw-storydata>",
  "<script>",
  "</script>",
  "&lt;&lt;set $x to 1&gt;&gt;",
);

const story = fc
  .array(fc.oneof(token, fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((a) => a.join(""));

describe("random Twine text never crashes the importer", () => {
  it("either imports a scenario that loads, or throws a TwineImportError with a message", () => {
    fc.assert(
      fc.property(
        story,
        fc.constantFrom("", ":: Start\n", '<tw-storydata name="S" format="Harlowe">'),
        (body, head) => {
          const text = head + body;
          let result: ReturnType<typeof importTwine>;
          try {
            result = importTwine(text, { fileName: "random.twee" });
          } catch (e) {
            expect(e).toBeInstanceOf(TwineImportError);
            expect((e as Error).message.length).toBeGreaterThan(0);
            return;
          }
          const loaded = loadScenario("random.yaml", result.yaml);
          expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          for (const w of result.warnings) expect(w.message).not.toBe("");
        },
      ),
      { numRuns: 400 },
    );
  });

  it("handles arbitrary unicode text the same way", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        try {
          const r = importTwine(`:: Start\n${s}`);
          expect(loadScenario("u.yaml", r.yaml).ok).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(TwineImportError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
