/**
 * Import from Twine: Twee 3 files and Twine 2 published or archive HTML become a scenario (as YAML text) and a
 * list of what could not be mapped. Pure TypeScript, no DOM and no file access, so the browser can use it too.
 * Nothing from the file is ever executed.
 */
import { type ScenarioImport, storyToScenario } from "./to-scenario";
import { looksLikeTwee, parseTwee } from "./twee";
import { looksLikeTwineHtml, parseTwineHtml } from "./twine-html";
import { type ImportWarning, MAX_INPUT_CHARS, TwineImportError, type TwineStory } from "./types";

export { slugify } from "./to-scenario";
export { parseTwee } from "./twee";
export { parseTwineHtml } from "./twine-html";
export { type ImportWarning, TwineImportError, type TwinePassage, type TwineStory } from "./types";

export interface ImportOptions {
  /** The file's name, recorded in the scenario's `source`. */
  fileName?: string;
  /** Which story of an archive to import, by name; default the first. */
  story?: string;
}

export interface TwineImport extends ScenarioImport {
  /** The imported story's name. */
  story: string;
  /** Every story in the file, in order (an archive holds several). */
  stories: string[];
}

/** Reads a file's stories: one for Twee, one or more for Twine HTML. Throws TwineImportError when it cannot. */
export function readTwineStories(text: string): TwineStory[] {
  if (text.length > MAX_INPUT_CHARS) {
    throw new TwineImportError(
      `the file is too large (${(text.length / 1_000_000).toFixed(1)} million characters; at most ${MAX_INPUT_CHARS / 1_000_000} million)`,
    );
  }
  if (text.trim() === "") throw new TwineImportError("the file is empty");
  if (text.includes("\u0000")) throw new TwineImportError("this is a binary file, not Twee or Twine HTML");
  if (looksLikeTwineHtml(text)) return parseTwineHtml(text);
  if (looksLikeTwee(text)) return [parseTwee(text)];
  throw new TwineImportError(
    'this is neither Twee (no passage header such as ":: Start") nor Twine 2 HTML (no <tw-storydata>)',
  );
}

/** Imports one story of a Twee or Twine HTML file as a scenario. Throws TwineImportError when it cannot. */
export function importTwine(text: string, options: ImportOptions = {}): TwineImport {
  const extra: ImportWarning[] = [];
  let clean = text.replace(/^\uFEFF/, "");
  if (clean.includes("\uFFFD")) {
    // U+FFFD marks bytes that were not UTF-8; the scenario loader would take it for binary data.
    clean = clean.replace(/\uFFFD/g, "?");
    extra.push({ message: 'the file holds characters that were not valid UTF-8; they read "?"' });
  }
  const stories = readTwineStories(clean);
  const names = stories.map((s) => s.name);
  let story: TwineStory;
  if (options.story !== undefined) {
    const found = stories.find((s) => s.name === options.story);
    if (!found) {
      throw new TwineImportError(
        `no story named "${options.story}" in the file; it holds ${names.map((n) => `"${n}"`).join(", ")}`,
      );
    }
    story = found;
  } else {
    story = stories[0]!;
    if (stories.length > 1) {
      extra.push({
        message: `the file holds ${stories.length} stories; imported the first, "${story.name}" (pick another with --story: ${names
          .slice(1)
          .map((n) => `"${n}"`)
          .join(", ")})`,
      });
    }
  }
  const result = storyToScenario(story, options.fileName ?? "a Twine file");
  return { ...result, warnings: [...extra, ...result.warnings], story: story.name, stories: names };
}
