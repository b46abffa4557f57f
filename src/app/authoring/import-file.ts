import { importTwine, TwineImportError } from "../../authoring/twine/index";
import { MAX_FILE_BYTES as MAX_SCENARIO_BYTES } from "../../engine/source";
import type { EntryNote, LibraryEntry, LibraryRepository } from "./library-repository";

/** What importing a file did: a new library entry (with the importer's warnings), or a refusal that says why. */
export type ImportOutcome =
  | { ok: true; entry: LibraryEntry; warnings: EntryNote[]; alsoImported: LibraryEntry[] }
  | { ok: false; reason: string };

/** The file kinds the import control accepts. */
export const IMPORT_ACCEPT = ".yaml,.yml,.twee,.tw,.txt,.html,.htm";

/**
 * Imports a file as a new library entry; never changes an existing one. A YAML file becomes an entry as it is,
 * even with errors (the editor shows them); a Twee or Twine HTML file goes through the Twine importer, whose
 * warnings are kept on the entry. A file that is binary, too large or not a story at all is refused.
 */
export async function importFile(
  library: LibraryRepository,
  fileName: string,
  text: string,
): Promise<ImportOutcome> {
  const name = fileName.replace(/^.*[\\/]/, "");
  if (text.includes("\u0000")) {
    return {
      ok: false,
      reason: `"${name}" is not a text file (it contains binary data). Nothing was imported.`,
    };
  }
  const kind = kindOf(name, text);
  if (kind === "yaml") {
    if (text.length > MAX_SCENARIO_BYTES) {
      return {
        ok: false,
        reason: `"${name}" is too large (${(text.length / 1_000_000).toFixed(1)} MB); a scenario file may be at most 1 MB. Nothing was imported.`,
      };
    }
    const title = /^title:[ \t]*["']?(.+?)["']?[ \t]*$/m.exec(text)?.[1];
    const entry = await library.create(title ?? stem(name), text, `Imported from ${name}`);
    return { ok: true, entry, warnings: [], alsoImported: [] };
  }
  try {
    // A Twine library archive holds several stories: each becomes its own library entry, the first opened.
    const first = importTwine(text, { fileName: name });
    const results = [
      first,
      ...first.stories.slice(1).map((story) => importTwine(text, { fileName: name, story })),
    ];
    const entries: LibraryEntry[] = [];
    const notesOf: EntryNote[][] = [];
    for (const result of results) {
      const notes: EntryNote[] = result.warnings
        .filter((w) => !(results.length > 1 && /^the file holds \d+ stories/.test(w.message)))
        .map((w) =>
          w.passage === undefined ? { message: w.message } : { passage: w.passage, message: w.message },
        );
      if (results.length > 1) {
        notes.unshift({
          message: `${name} holds ${results.length} stories (${first.stories.join(", ")}); each became its own scenario in your library`,
        });
      }
      notesOf.push(notes);
      entries.push(
        await library.create(result.story || stem(name), result.yaml, `Imported from Twine: ${name}`, notes),
      );
    }
    return { ok: true, entry: entries[0]!, warnings: notesOf[0]!, alsoImported: entries.slice(1) };
  } catch (e) {
    const why =
      e instanceof TwineImportError ? e.message : `the importer failed (${(e as Error)?.message ?? e})`;
    return { ok: false, reason: `"${name}" could not be imported: ${why}. Nothing was imported.` };
  }
}

function kindOf(name: string, text: string): "yaml" | "twine" {
  if (/\.(ya?ml)$/i.test(name)) return "yaml";
  if (/\.(twee|tw|html?)$/i.test(name)) return "twine";
  // A .txt (or unknown) file: Twee when it has a passage header, else YAML.
  return /^::[ \t]*\S/m.test(text) || /<tw-storydata/i.test(text) ? "twine" : "yaml";
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, "") || "Imported scenario";
}
