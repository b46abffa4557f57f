import { parseLinkInner, readQuoted, stringArgs } from "./links";
import { TwineImportError } from "./types";

/** The story formats whose markup the importer reads. */
export type Dialect = "harlowe" | "sugarcube" | "chapbook";

/** A condition on a block: the format's own expression text, negated for `unless`. */
export interface Branch {
  /** Undefined for an `else` branch. */
  cond?: string;
  negate?: boolean;
  body: Piece[];
}

/** A passage's markup as a small tree: only what the importer maps is distinguished; the rest is text. */
export type Piece =
  | { t: "text"; s: string }
  | { t: "link"; label: string; target: string; setter?: string }
  | { t: "set"; raw: string; form: "harlowe" | "put" | "sugarcube" | "chapbook" }
  | { t: "if"; branches: Branch[] }
  /** A link that runs its body in place (Harlowe (link:), SugarCube <<link>>...), going to `target` if given. */
  | { t: "inline"; label: string; body: Piece[]; target?: string; macro: string }
  | { t: "goto"; target: string; macro: string }
  | { t: "reveal"; label: string; passage: string }
  /** Anything else: not mapped; the text of its body is kept. */
  | { t: "macro"; raw: string; body: Piece[] };

const MAX_DEPTH = 100;
const MAX_MACRO_CHARS = 20_000;
/** Characters a passage's bracket and quote matching may scan in all, so malformed input stays fast. */
const MAX_SCAN = 30_000_000;

/** Counts the characters scanned while matching brackets; throws when a passage costs too much. */
class Budget {
  private used = 0;
  spend(n: number): void {
    this.used += n;
    if (this.used > MAX_SCAN) {
      throw new TwineImportError("it has too much unclosed markup to read (check its brackets and quotes)");
    }
  }
}

/** Finds needles forward in one text, remembering answers so that repeated misses stay linear. */
class Finder {
  private cache = new Map<string, { from: number; at: number }>();
  constructor(private s: string) {}
  next(needle: string, from: number): number {
    const c = this.cache.get(needle);
    if (c && from >= c.from && (c.at === -1 || c.at >= from)) return c.at;
    const at = this.s.indexOf(needle, from);
    this.cache.set(needle, { from, at });
    return at;
  }
}

/** The index after the bracket closing the one at `open`, skipping quoted strings; -1 when unclosed. */
function matchClose(s: string, open: number, o: string, c: string, budget: Budget): number {
  let depth = 0;
  const limit = Math.min(s.length, open + MAX_MACRO_CHARS);
  let i = open;
  try {
    for (; i < limit; i++) {
      const ch = s[i]!;
      if (ch === '"' || ch === "'") {
        const q = readQuoted(s, i, limit);
        if (!q) {
          i = limit;
          return -1;
        }
        i = q.end - 1;
      } else if (ch === o) depth++;
      else if (ch === c && --depth === 0) return i + 1;
    }
    return -1;
  } finally {
    budget.spend(i - open + 1);
  }
}

function tooDeep(depth: number): void {
  if (depth > MAX_DEPTH)
    throw new TwineImportError(`a passage nests macros or hooks more than ${MAX_DEPTH} deep`);
}

function pushText(out: Piece[], s: string): void {
  const last = out[out.length - 1];
  if (last?.t === "text") last.s += s;
  else out.push({ t: "text", s });
}

/** Parses a passage's text in the given format's markup. Throws TwineImportError only on absurd nesting. */
export function parsePassage(text: string, dialect: Dialect): Piece[] {
  const budget = new Budget();
  if (dialect === "harlowe") return new HarloweParser(text, budget).body(0, 0).pieces;
  if (dialect === "sugarcube") return new SugarCubeParser(text, budget).body(0, 0).pieces;
  return parseChapbook(text, budget);
}

/** Harlowe: `(name: args)[hook]`, `|name>[hook]`, `[[links]]`. */
class HarloweParser {
  private find: Finder;
  constructor(
    private s: string,
    private budget: Budget,
  ) {
    this.find = new Finder(s);
  }

  body(i: number, depth: number, inHook = false): { pieces: Piece[]; end: number } {
    tooDeep(depth);
    const s = this.s;
    const out: Piece[] = [];
    let lastIf: Extract<Piece, { t: "if" }> | undefined;
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === "[" && s[i + 1] === "[") {
        const end = this.find.next("]]", i + 2);
        const link = end >= 0 ? parseLinkInner(s.slice(i + 2, end)) : undefined;
        if (link) {
          out.push({ t: "link", label: link.label, target: link.target });
          i = end + 2;
          continue;
        }
      }
      if (ch === "]" && inHook) return { pieces: out, end: i + 1 };
      if (ch === "(") {
        const m = /^\(([A-Za-z][\w-]*):/.exec(s.slice(i, i + 40));
        const close = m ? matchClose(s, i, "(", ")", this.budget) : -1;
        if (m && close > 0) {
          const name = m[1]!.toLowerCase().replace(/[-_]/g, "");
          const args = s.slice(i + m[0].length, close - 1).trim();
          const raw = s.slice(i, close);
          i = close;
          let hook: Piece[] | undefined;
          if (s[i] === "[" && !COMMANDS.has(name)) {
            const h = this.body(i + 1, depth + 1, true);
            hook = h.pieces;
            i = h.end;
          }
          const piece = this.macro(name, args, raw, hook, lastIf);
          if (piece?.t === "if") {
            if (piece !== lastIf) out.push(piece);
            lastIf = piece;
          } else if (piece) out.push(piece);
          continue;
        }
      }
      if (ch === "|") {
        const m = /^\|[A-Za-z][\w-]*>\[/.exec(s.slice(i, i + 60));
        if (m) {
          const h = this.body(i + m[0].length, depth + 1, true);
          out.push(...h.pieces);
          i = h.end;
          continue;
        }
      }
      if (ch === "?") {
        const m = /^\?[A-Za-z][\w-]*/.exec(s.slice(i, i + 60));
        if (m) {
          i += m[0].length;
          continue;
        }
      }
      if (ch === "[") {
        const h = this.body(i + 1, depth + 1, true);
        out.push(...h.pieces);
        i = h.end;
        const m = /^<[A-Za-z][\w-]*\|/.exec(s.slice(i, i + 60));
        if (m) i += m[0].length;
        continue;
      }
      pushText(out, ch);
      i++;
    }
    return { pieces: out, end: i };
  }

  private macro(
    name: string,
    args: string,
    raw: string,
    hook: Piece[] | undefined,
    lastIf: Extract<Piece, { t: "if" }> | undefined,
  ): Piece | undefined {
    switch (name) {
      case "set":
        return { t: "set", raw: args, form: "harlowe" };
      case "put":
        return { t: "set", raw: args, form: "put" };
      case "if":
      case "unless":
        if (!hook) break;
        return { t: "if", branches: [{ cond: args, negate: name === "unless", body: hook }] };
      case "elseif":
      case "else":
        if (!hook) break;
        if (!lastIf) return { t: "macro", raw, body: hook };
        lastIf.branches.push(name === "else" ? { body: hook } : { cond: args, body: hook });
        return lastIf;
      case "linkgoto":
      case "linkrevealgoto": {
        const a = stringArgs(args);
        if (!a || a.length === 0 || a.length > 2) break;
        const label = a[0]!;
        const target = a[1] ?? a[0]!;
        if (name === "linkgoto" && !hook) return { t: "link", label, target };
        return { t: "inline", label, target, body: hook ?? [], macro: raw };
      }
      case "goto":
      case "goto-": {
        const a = stringArgs(args);
        if (a?.length === 1) return { t: "goto", target: a[0]!, macro: raw };
        break;
      }
      case "link":
      case "linkreveal":
      case "linkrepeat":
      case "linkreplace": {
        const a = stringArgs(args);
        if (a?.length === 1 && hook) return { t: "inline", label: a[0]!, body: hook, macro: raw };
        break;
      }
    }
    return { t: "macro", raw, body: hook ?? [] };
  }
}

/** Harlowe macros that never take a hook, so a `[` after them starts text or a link. */
const COMMANDS = new Set(["set", "put", "move", "goto", "print", "display", "linkgoto", "undo", "restart"]);

/** SugarCube: `<<macro args>>...<</macro>>`, `[[links][setter]]`, comments. */
class SugarCubeParser {
  private find: Finder;
  constructor(
    private s: string,
    private budget: Budget,
  ) {
    this.find = new Finder(s);
  }

  /** Parses until `<</closer>>` (or one of `stops`), returning where it stopped. */
  body(
    i: number,
    depth: number,
    closer?: string,
    stops: string[] = [],
  ): { pieces: Piece[]; end: number; stop?: { name: string; args: string } } {
    tooDeep(depth);
    const s = this.s;
    const out: Piece[] = [];
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === "[" && s.startsWith("[[", i)) {
        const end = this.find.next("]]", i + 2);
        const link = end >= 0 ? parseLinkInner(s.slice(i + 2, end)) : undefined;
        if (link) {
          out.push({ t: "link", ...link });
          i = end + 2;
          continue;
        }
      }
      if (ch === "[" && /^\[img\[/i.test(s.slice(i, i + 5))) {
        const end = this.find.next("]]", i);
        if (end >= 0) {
          i = end + 2;
          continue;
        }
      }
      const comment = ch === "/" || ch === "<" ? this.comment(i) : -1;
      if (comment > 0) {
        i = comment;
        continue;
      }
      if (ch === "<" && s[i + 1] === "<") {
        const close = this.macroEnd(i);
        if (close > 0) {
          const inner = s.slice(i + 2, close - 2);
          const raw = s.slice(i, close);
          const closing = /^\s*(?:\/|end)([A-Za-z][\w-]*)\s*$/.exec(inner);
          if (closing) {
            i = close;
            if (closing[1] === closer) return { pieces: out, end: i };
            continue; // a stray closer: drop it
          }
          const m = /^\s*([A-Za-z][\w-]*|=|-)\s*/.exec(inner);
          if (m) {
            const name = m[1]!;
            const args = inner.slice(m[0].length);
            if (stops.includes(name)) return { pieces: out, end: close, stop: { name, args } };
            i = this.macro(name, args, raw, close, out, depth);
            continue;
          }
        }
      }
      if (ch === "\\" || ch === "\n") {
        // Line continuation: a backslash just before or just after a line break joins the lines.
        const m = /^(?:\\[ \t]*\n|\n[ \t]*\\)/.exec(s.slice(i, i + 40));
        if (m) {
          i += m[0].length;
          continue;
        }
      }
      pushText(out, ch);
      i++;
    }
    return { pieces: out, end: i };
  }

  private comment(i: number): number {
    const s = this.s;
    for (const [open, close] of [
      ["/*", "*/"],
      ["/%", "%/"],
      ["<!--", "-->"],
    ] as const) {
      if (s.startsWith(open, i)) {
        const end = this.find.next(close, i + open.length);
        return end < 0 ? s.length : end + close.length;
      }
    }
    return -1;
  }

  private macroEnd(i: number): number {
    const s = this.s;
    const limit = Math.min(s.length, i + MAX_MACRO_CHARS);
    let j = i + 2;
    try {
      for (; j < limit; j++) {
        const ch = s[j]!;
        if (ch === '"' || ch === "'") {
          const q = readQuoted(s, j, limit);
          if (!q) {
            j = limit;
            return -1;
          }
          j = q.end - 1;
        } else if (ch === ">" && s[j + 1] === ">") return j + 2;
      }
      return -1;
    } finally {
      this.budget.spend(j - i);
    }
  }

  private hasCloser(name: string, from: number): boolean {
    return this.find.next(`<</${name}>>`, from) >= 0 || this.find.next(`<<end${name}>>`, from) >= 0;
  }

  /** Handles one macro; returns where parsing continues. */
  private macro(name: string, args: string, raw: string, at: number, out: Piece[], depth: number): number {
    switch (name) {
      case "set":
        out.push({ t: "set", raw: args, form: "sugarcube" });
        return at;
      case "if": {
        const piece: Extract<Piece, { t: "if" }> = { t: "if", branches: [] };
        let cond: string | undefined = args;
        let i = at;
        for (;;) {
          const b = this.body(i, depth + 1, "if", ["else", "elseif"]);
          piece.branches.push(cond === undefined ? { body: b.pieces } : { cond, body: b.pieces });
          i = b.end;
          if (!b.stop) break;
          const elseIf = /^if\s+(.*)$/s.exec(b.stop.args);
          cond = b.stop.name === "elseif" ? b.stop.args : elseIf ? elseIf[1] : undefined;
        }
        out.push(piece);
        return i;
      }
      case "goto": {
        const target = this.target(args);
        if (target) {
          out.push({ t: "goto", target, macro: raw });
          return at;
        }
        break;
      }
      case "link":
      case "button":
      case "linkreplace":
      case "linkappend":
      case "linkprepend": {
        if (!this.hasCloser(name, at)) {
          const link = this.linkArgs(args);
          if (link?.target && (name === "link" || name === "button")) {
            out.push({ t: "link", label: link.label, target: link.target });
            return at;
          }
          break;
        }
        const b = this.body(at, depth + 1, name);
        const link = this.linkArgs(args);
        if (!link) {
          out.push({ t: "macro", raw, body: b.pieces });
          return b.end;
        }
        out.push({ t: "inline", label: link.label, body: b.pieces, target: link.target, macro: raw });
        return b.end;
      }
    }
    if (this.hasCloser(name, at)) {
      const b = this.body(at, depth + 1, name);
      out.push({ t: "macro", raw, body: name === "script" ? [] : b.pieces });
      return b.end;
    }
    out.push({ t: "macro", raw, body: [] });
    return at;
  }

  private target(args: string): string | undefined {
    const a = stringArgs(args);
    if (a?.length === 1) return a[0];
    const m = /^\s*\[\[(.*)\]\]\s*$/s.exec(args);
    return m ? parseLinkInner(m[1]!)?.target : undefined;
  }

  private linkArgs(args: string): { label: string; target?: string } | undefined {
    const m = /^\s*\[\[(.*)\]\]\s*$/s.exec(args);
    if (m) {
      const link = parseLinkInner(m[1]!);
      return link ? { label: link.label, target: link.target } : undefined;
    }
    const a = stringArgs(args);
    if (!a || a.length === 0 || a.length > 2) return undefined;
    return { label: a[0]!, ...(a[1] !== undefined ? { target: a[1] } : {}) };
  }
}

const VAR_LINE = /^\s*([A-Za-z_$][\w.$]*)\s*(\([^)]*\))?\s*:\s*(.*?)\s*$/;

/** Chapbook: a vars section ending in `--`, `[if ...]` modifiers, `{inserts}` and `[[links]]`. */
function parseChapbook(text: string, budget: Budget): Piece[] {
  const lines = text.split("\n");
  const out: Piece[] = [];
  const sep = lines.findIndex((l) => l.trim() === "--");
  let first = 0;
  if (sep > 0 && lines.slice(0, sep).every((l) => l.trim() === "" || VAR_LINE.test(l))) {
    for (const l of lines.slice(0, sep))
      if (l.trim() !== "") out.push({ t: "set", raw: l.trim(), form: "chapbook" });
    first = sep + 1;
  }
  let target = out;
  let lastIf: Extract<Piece, { t: "if" }> | undefined;
  for (const line of lines.slice(first)) {
    const mod = /^\s*\[([^[\]]+)\]\s*$/.exec(line);
    if (mod) {
      const m = mod[1]!.trim();
      const cond = /^(if|unless|else\s+if)\s+(.+)$/i.exec(m);
      if (cond && !/^else/i.test(cond[1]!)) {
        lastIf = {
          t: "if",
          branches: [{ cond: cond[2]!, negate: cond[1]!.toLowerCase() === "unless", body: [] }],
        };
        out.push(lastIf);
        target = lastIf.branches[0]!.body;
        continue;
      }
      if (/^else/i.test(m) && lastIf) {
        const branch: Branch = cond ? { cond: cond[2]!, body: [] } : { body: [] };
        lastIf.branches.push(branch);
        target = branch.body;
        continue;
      }
      lastIf = undefined;
      target = out;
      if (/^(continue|continued|cont'?d?)$/i.test(m)) continue;
      const body: Piece[] = [];
      out.push({ t: "macro", raw: `[${m}]`, body });
      target = body;
      continue;
    }
    chapbookLine(line, target, budget);
    pushText(target, "\n");
  }
  return out;
}

function chapbookLine(line: string, out: Piece[], budget: Budget): void {
  const find = new Finder(line);
  let i = 0;
  while (i < line.length) {
    if (line.startsWith("[[", i)) {
      const end = find.next("]]", i + 2);
      const link = end >= 0 ? parseLinkInner(line.slice(i + 2, end)) : undefined;
      if (link) {
        out.push({ t: "link", label: link.label, target: link.target });
        i = end + 2;
        continue;
      }
    }
    if (line[i] === "{") {
      const end = matchClose(line, i, "{", "}", budget);
      if (end > 0) {
        out.push(chapbookInsert(line.slice(i, end)));
        i = end;
        continue;
      }
    }
    pushText(out, line[i]!);
    i++;
  }
}

function chapbookInsert(raw: string): Piece {
  const inner = raw.slice(1, -1).trim();
  if (/^[A-Za-z_$][\w.$]*$/.test(inner)) return { t: "text", s: raw }; // shows a variable
  const m = /^([A-Za-z][A-Za-z ]*?)\s*(?::\s*(.*))?$/s.exec(inner);
  if (!m) return { t: "macro", raw, body: [] };
  const name = m[1]!.toLowerCase();
  const props = insertProps(m[2] ?? "");
  if (name === "link to" && props.first) {
    return { t: "link", label: props.label ?? props.first, target: props.first };
  }
  if (name === "reveal link" && props.first && props.passage) {
    return { t: "reveal", label: props.first, passage: props.passage };
  }
  if (name === "reveal link" && props.text) return { t: "macro", raw, body: [{ t: "text", s: props.text }] };
  return { t: "macro", raw, body: [] };
}

/** `'first', label: 'x', passage: 'y'` as strings; values that are not string literals are left out. */
function insertProps(s: string): Record<string, string> & { first?: string } {
  const out: Record<string, string> = {};
  const first = readQuoted(s.trim(), 0);
  if (first) out.first = first.value;
  for (const m of s.matchAll(/([A-Za-z]+)\s*:\s*(['"])((?:\\.|(?!\2).)*)\2/g))
    out[m[1]!.toLowerCase()] = m[3]!;
  return out;
}
