import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import {
  type ImportWarning,
  MAX_PASSAGES,
  TwineImportError,
  type TwinePassage,
  type TwineStory,
} from "./types";

/** True when the text holds Twine 2 story data (published HTML or a library archive). */
export function looksLikeTwineHtml(text: string): boolean {
  return /<tw-storydata[\s>]/i.test(text);
}

/**
 * Parses Twine 2 published HTML or a Twine 2 library archive: every `<tw-storydata>`, in file order.
 * Only the markup is read; scripts and stylesheets are dropped (with a warning), never run.
 */
export function parseTwineHtml(source: string): TwineStory[] {
  const stories: TwineStory[] = [];
  let story: (TwineStory & { startPid?: string; pids: Map<string, string> }) | undefined;
  let passage: { attrs: Record<string, string>; from: number } | undefined;
  let userCode: "script" | "stylesheet" | undefined;
  let userCodeText = "";
  let count = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "tw-storydata") {
          story = {
            name: attrs.name?.trim() || `Untitled story ${stories.length + 1}`,
            format: attrs.format || undefined,
            startPid: attrs.startnode,
            passages: [],
            warnings: [],
            pids: new Map(),
          };
        } else if (name === "tw-passagedata" && story) {
          passage = { attrs, from: parser.endIndex + 1 };
        } else if (story && !passage && (name === "script" || name === "style")) {
          userCode = name === "script" ? "script" : "stylesheet";
          userCodeText = "";
        }
      },
      ontext(text) {
        if (userCode) userCodeText += text;
      },
      onclosetag(name) {
        if (name === "tw-passagedata" && story && passage) {
          // The raw source of the passage, decoded once: Twine escapes &, <, >, " and ' in passage text.
          const text = decodeHTML(source.slice(passage.from, parser.startIndex)).replace(/\r\n?/g, "\n");
          addPassage(story, passage.attrs, text);
          passage = undefined;
          if (++count > MAX_PASSAGES) {
            throw new TwineImportError(`the file has more than ${MAX_PASSAGES} passages; split the story`);
          }
        } else if ((name === "script" || name === "style") && userCode && story) {
          if (userCodeText.trim() !== "") {
            story.warnings.push({
              message: `the story's ${userCode === "script" ? "JavaScript" : "stylesheet"} was dropped (it is never run or kept)`,
            });
          }
          userCode = undefined;
        } else if (name === "tw-storydata" && story) {
          finish(story);
          stories.push(story);
          story = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(source);
  parser.end();
  if (story) {
    // An unclosed <tw-storydata>: keep what was read.
    finish(story);
    stories.push(story);
  }
  if (stories.length === 0) throw new TwineImportError("no <tw-storydata> element found: not a Twine 2 file");
  return stories.map(({ name, format, start, passages, warnings }) => ({
    name,
    format,
    start,
    passages,
    warnings,
  }));
}

function addPassage(
  story: TwineStory & { pids: Map<string, string> },
  attrs: Record<string, string>,
  text: string,
): void {
  const name = (attrs.name ?? "").trim();
  const warnings: ImportWarning[] = story.warnings;
  if (name === "") {
    warnings.push({ message: "a passage without a name was skipped" });
    return;
  }
  if (story.passages.some((p) => p.name === name)) {
    warnings.push({ passage: name, message: "a second passage with this name was skipped" });
    return;
  }
  const tags = (attrs.tags ?? "").split(/\s+/).filter((t) => t !== "");
  const passage: TwinePassage = { name, tags, text: text.replace(/\s+$/, "") };
  story.passages.push(passage);
  if (attrs.pid) story.pids.set(attrs.pid, name);
}

function finish(story: TwineStory & { startPid?: string; pids: Map<string, string> }): void {
  if (story.startPid) {
    const start = story.pids.get(story.startPid);
    if (start) story.start = start;
    else story.warnings.push({ message: `the start passage (pid ${story.startPid}) does not exist` });
  }
}
