import {
  type ImportWarning,
  MAX_PASSAGES,
  TwineImportError,
  type TwinePassage,
  type TwineStory,
} from "./types";

/** True when the text looks like Twee: some line starts with `::`. */
export function looksLikeTwee(text: string): boolean {
  return /^::/m.test(text);
}

/** Decodes Twee 3's escapes in names and tags: `\x` yields `x`. */
function unescapeTwee(s: string): string {
  return s.replace(/\\(.)/g, "$1");
}

/** Splits a header's rest into name, tag block and metadata block, honouring `\` escapes. */
function splitHeader(rest: string): { name: string; tags?: string; meta?: string } {
  let i = 0;
  let name = "";
  while (i < rest.length) {
    const c = rest[i]!;
    if (c === "\\" && i + 1 < rest.length) {
      name += rest.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "[" || c === "{") break;
    name += c;
    i++;
  }
  let tags: string | undefined;
  let meta: string | undefined;
  let tail = rest.slice(i);
  if (tail.startsWith("[")) {
    let j = 1;
    while (j < tail.length && tail[j] !== "]") j += tail[j] === "\\" ? 2 : 1;
    tags = tail.slice(1, j);
    tail = tail.slice(j + 1).trimStart();
  }
  if (tail.startsWith("{")) meta = tail;
  return { name: unescapeTwee(name.trim()), tags, meta };
}

/** Parses a Twee 3 file (also the Twee 1/2 files most tools write). Never executes anything. */
export function parseTwee(source: string): TwineStory {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const warnings: ImportWarning[] = [];
  const lines = text.split("\n");
  const raw: { name: string; tags: string[]; body: string[] }[] = [];
  let current: { name: string; tags: string[]; body: string[] } | undefined;
  for (const line of lines) {
    if (line.startsWith("::")) {
      const header = splitHeader(line.slice(2));
      const tags = header.tags
        ? unescapeTwee(header.tags)
            .split(/\s+/)
            .filter((t) => t !== "")
        : [];
      if (header.meta !== undefined) {
        try {
          JSON.parse(header.meta);
        } catch {
          warnings.push({ passage: header.name, message: "its metadata block is not valid JSON; ignored" });
        }
      }
      current = { name: header.name, tags, body: [] };
      raw.push(current);
      if (raw.length > MAX_PASSAGES) {
        throw new TwineImportError(`the file has more than ${MAX_PASSAGES} passages; split the story`);
      }
    } else if (current) {
      current.body.push(line);
    }
  }
  if (raw.length === 0) {
    throw new TwineImportError('no passages found: a Twee file has passage headers such as ":: Start"');
  }
  const passages: TwinePassage[] = [];
  let name: string | undefined;
  let format: string | undefined;
  let start: string | undefined;
  const seen = new Set<string>();
  for (const p of raw) {
    const body = p.body.join("\n").replace(/\s+$/, "");
    if (p.name === "StoryTitle") {
      name = body.trim() || undefined;
      continue;
    }
    if (p.name === "StoryData") {
      try {
        const data = JSON.parse(body) as Record<string, unknown>;
        if (typeof data.format === "string") format = data.format;
        if (typeof data.start === "string") start = data.start;
      } catch {
        warnings.push({ passage: "StoryData", message: "StoryData is not valid JSON; ignored" });
      }
      continue;
    }
    if (p.name === "") {
      warnings.push({ message: "a passage header has no name; that passage was skipped" });
      continue;
    }
    if (seen.has(p.name)) {
      warnings.push({ passage: p.name, message: "a second passage with this name was skipped" });
      continue;
    }
    seen.add(p.name);
    passages.push({ name: p.name, tags: p.tags, text: body });
  }
  return { name: name ?? "Imported Twine story", format, start, passages, warnings };
}
