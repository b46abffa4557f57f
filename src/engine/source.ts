import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar } from "yaml";
import type { Diagnostic, Severity } from "./diagnostics";

/** A path into the scenario document, such as `["nodes", "the-request", "choices", 0, "goto"]`. */
export type DocPath = readonly (string | number)[];

/** Largest scenario file the loader accepts. */
export const MAX_FILE_BYTES = 1_000_000;
const MAX_NESTING = 100;

/** A parsed YAML scenario that remembers where every node came from, to report problems at their position. */
export class ScenarioSource {
  private constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly root: Node | null,
    private readonly lines: LineCounter,
  ) {}

  /** Parses YAML text; a file that cannot be read as YAML yields diagnostics instead. */
  static parse(file: string, text: string): { source: ScenarioSource } | { diagnostics: Diagnostic[] } {
    const at = (line: number, column: number, message: string): { diagnostics: Diagnostic[] } => ({
      diagnostics: [{ file, line, column, severity: "error", message }],
    });
    if (text.length > MAX_FILE_BYTES) {
      const mb = (text.length / 1_000_000).toFixed(1);
      return at(1, 1, `the file is too large (${mb} MB); a scenario file may be at most 1 MB`);
    }
    const binary = firstBinaryCharacter(text);
    if (binary >= 0) {
      const lines = new LineCounter();
      for (let i = text.indexOf("\n"); i >= 0 && i < binary; i = text.indexOf("\n", i + 1))
        lines.addNewLine(i + 1);
      const p = lines.linePos(binary);
      return at(
        p.line,
        p.col,
        "this is not a text file (it contains binary data); a scenario is a YAML text file",
      );
    }
    if (text.trim() === "" || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
      return at(1, 1, "the file is empty; a scenario starts with `format: 1` and an `id:`");
    }
    const depth = nestingDepth(text);
    if (depth > MAX_NESTING) {
      return at(
        1,
        1,
        `the file is nested too deeply (over ${MAX_NESTING} levels); a scenario needs no more than 10`,
      );
    }
    const lines = new LineCounter();
    let doc: ReturnType<typeof parseDocument>;
    try {
      doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
    } catch (e) {
      return at(1, 1, `the file could not be read as YAML (${(e as Error).message})`);
    }
    const problems: Diagnostic[] = [];
    for (const err of [...doc.errors, ...doc.warnings]) {
      const p = lines.linePos(err.pos[0]);
      const severity: Severity = doc.errors.includes(err as never) ? "error" : "warning";
      problems.push({
        file,
        line: p.line,
        column: p.col,
        severity,
        message: yamlMessage(err.code, err.message),
      });
    }
    if (problems.some((d) => d.severity === "error")) return { diagnostics: problems };
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (e) {
      const message = /alias/i.test((e as Error).message)
        ? "the file expands into too much data through YAML aliases (*name); write the content out instead"
        : `the file could not be read as YAML (${(e as Error).message})`;
      return at(1, 1, message);
    }
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return at(1, 1, "a scenario file must be a mapping of keys such as `format:`, `id:` and `nodes:`");
    }
    return { source: new ScenarioSource(file, data, doc.contents as Node | null, lines) };
  }

  /** The 1-based line and column of the node at `path` (or of its key), falling back to the nearest parent. */
  position(path: DocPath, part: "key" | "value" = "value"): { line: number; column: number } {
    const offset = this.offset(path, part);
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }

  /** The position of the character `at` inside the string scalar at `path` (for expression errors). */
  positionInString(path: DocPath, at: number): { line: number; column: number } {
    const node = this.nodeAt(path);
    if (isScalar(node) && node.range) {
      const inline =
        node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE;
      if (inline) {
        const quote = node.type === Scalar.PLAIN ? 0 : 1;
        const p = this.lines.linePos(node.range[0] + quote + at);
        return { line: p.line, column: p.col };
      }
    }
    return this.position(path);
  }

  /** Builds a diagnostic at a path. */
  diagnostic(
    path: DocPath,
    severity: Severity,
    message: string,
    part: "key" | "value" = "value",
  ): Diagnostic {
    return { file: this.file, ...this.position(path, part), severity, message };
  }

  private nodeAt(path: DocPath): Node | null {
    let node: unknown = this.root;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) return null;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
      } else return null;
    }
    return (node as Node) ?? null;
  }

  private offset(path: DocPath, part: "key" | "value"): number {
    let node: unknown = this.root;
    let best = 0;
    const rangeOf = (n: unknown): number | undefined => (n as { range?: [number] } | null)?.range?.[0];
    best = rangeOf(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) return best;
        if (last && part === "key") return rangeOf(pair.key) ?? best;
        best = rangeOf(pair.value) ?? rangeOf(pair.key) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        best = rangeOf(node) ?? best;
      } else return best;
    }
    return best;
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  switch (code) {
    case "DUPLICATE_KEY":
      return "this key appears twice in the same mapping; each id must be unique";
    case "TAB_AS_INDENT":
      return "tabs cannot indent YAML; use spaces";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return `YAML syntax: ${first}`;
    default:
      return `YAML: ${first}`;
  }
}

/** A cheap upper bound on bracket and indentation nesting, checked before the recursive parser sees the text. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\n") quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#") {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl;
    } else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  let indentMax = 0;
  for (const m of text.matchAll(/^( *)(- )*/gm)) {
    indentMax = Math.max(indentMax, Math.floor(m[1]!.length / 2) + (m[0]!.length - m[1]!.length) / 2);
  }
  return Math.max(max, indentMax);
}

/** The index of the first character no text file contains (NUL and other control codes, or U+FFFD), or -1. */
function firstBinaryCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) || c === 0xfffd)
      return i;
  }
  return -1;
}
