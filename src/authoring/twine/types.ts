/** One thing the importer could not map faithfully; `passage` names the passage concerned, when there is one. */
export interface ImportWarning {
  passage?: string;
  message: string;
}

/** A passage as Twine stores it: a name, tags and its source text (entities already decoded for HTML). */
export interface TwinePassage {
  name: string;
  tags: string[];
  text: string;
}

/** A Twine story, from a Twee file or one `<tw-storydata>` of a published or archive HTML file. */
export interface TwineStory {
  name: string;
  /** The story format as declared (Harlowe, SugarCube, Chapbook...), when it is. */
  format?: string;
  /** The start passage's name, when the file names one. */
  start?: string;
  passages: TwinePassage[];
  /** Problems met while reading the file (bad metadata, duplicate names, dropped scripts). */
  warnings: ImportWarning[];
}

/** The file cannot be imported at all: empty, too large, not Twee nor Twine HTML. The message says why. */
export class TwineImportError extends Error {}

/** Input larger than this is refused: a published story with its runtime is well under 10 MB. */
export const MAX_INPUT_CHARS = 20_000_000;
/** More passages than this is refused: the scenario would exceed the 1 MB a scenario file may hold. */
export const MAX_PASSAGES = 5000;
