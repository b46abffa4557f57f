import { type BinaryOp, type Expr, type ExpressionError, FUNCTIONS, type FunctionName } from "./ast";

type Token =
  | { type: "number"; value: number; at: number; text: string }
  | { type: "name"; value: string; at: number; text: string }
  | { type: "op"; value: string; at: number; text: string }
  | { type: "end"; value: ""; at: number; text: string };

const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const TWO_CHAR_OPS = ["<=", ">=", "==", "!=", "&&", "||"];
const ONE_CHAR_OPS = "+-*/()<>!,.";

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(source[i + 1] ?? ""))) {
      while (i < source.length && /[0-9_]/.test(source[i]!)) i++;
      if (source[i] === "." && /[0-9]/.test(source[i + 1] ?? "")) {
        i++;
        while (i < source.length && /[0-9]/.test(source[i]!)) i++;
      }
      const text = source.slice(start, i);
      tokens.push({ type: "number", value: Number(text.replaceAll("_", "")), at: start, text });
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      // Names may contain dashes between letters (node ids such as `the-request` after `visited.`),
      // but a dash followed by a space or digit is subtraction.
      while (i < source.length && /[A-Za-z0-9_]/.test(source[i]!)) {
        i++;
        if (source[i] === "-" && /[A-Za-z0-9]/.test(source[i + 1] ?? "") && tokens.at(-1)?.text === ".") i++;
      }
      const text = source.slice(start, i);
      tokens.push({ type: "name", value: text, at: start, text });
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.includes(two)) {
      tokens.push({ type: "op", value: two, at: start, text: two });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.includes(ch)) {
      tokens.push({ type: "op", value: ch, at: start, text: ch });
      i++;
      continue;
    }
    if (ch === "=") throw new ParseFailure("use == to compare, not =", start);
    throw new ParseFailure(`unexpected character "${ch}"`, start);
  }
  tokens.push({ type: "end", value: "", at: source.length, text: "" });
  return tokens;
}

const WORD_OPS: Record<string, string> = { and: "and", or: "or", not: "not" };
const SYMBOL_ALIASES: Record<string, string> = { "&&": "and", "||": "or", "!": "not" };

/** Parses an expression such as `trust >= 30 and not flags.silo` into a tree, or explains why it cannot. */
export function parseExpression(source: string): { expr: Expr } | { error: ExpressionError } {
  if (source.length > MAX_LENGTH) {
    return { error: { message: `expression is too long (over ${MAX_LENGTH} characters)`, at: 0 } };
  }
  try {
    const parser = new Parser(tokenize(source));
    const expr = parser.parseAll();
    return { expr };
  } catch (e) {
    if (e instanceof ParseFailure) return { error: { message: e.message, at: e.at } };
    throw e;
  }
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expr {
    if (this.peek().type === "end") throw new ParseFailure("expression is empty", 0);
    const expr = this.parseOr();
    const next = this.peek();
    if (next.type !== "end") {
      throw new ParseFailure(`unexpected "${next.text}" after a complete expression`, next.at);
    }
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  /** The canonical operator at the cursor, if any (`&&` reads as `and`). */
  private opAt(): string | undefined {
    const t = this.peek();
    if (t.type === "op") return SYMBOL_ALIASES[t.value] ?? t.value;
    if (t.type === "name") return WORD_OPS[t.value];
    return undefined;
  }

  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH) throw new ParseFailure("expression is nested too deeply", at);
  }

  private binaryLevel(ops: string[], operand: () => Expr): Expr {
    let left = operand();
    for (let op = this.opAt(); op !== undefined && ops.includes(op); op = this.opAt()) {
      const t = this.next();
      const right = operand();
      left = { kind: "binary", op: op as BinaryOp, left, right, at: t.at };
    }
    return left;
  }

  private parseOr = (): Expr => this.binaryLevel(["or"], this.parseAnd);
  private parseAnd = (): Expr => this.binaryLevel(["and"], this.parseNot);

  private parseNot = (): Expr => {
    if (this.opAt() === "not") {
      const t = this.next();
      this.enter(t.at);
      const operand = this.parseNot();
      this.depth--;
      return { kind: "unary", op: "not", operand, at: t.at };
    }
    return this.parseComparison();
  };

  private parseComparison = (): Expr => {
    const left = this.parseSum();
    const op = this.opAt();
    if (op !== undefined && ["==", "!=", "<", "<=", ">", ">="].includes(op)) {
      const t = this.next();
      const right = this.parseSum();
      const after = this.opAt();
      if (after !== undefined && ["==", "!=", "<", "<=", ">", ">="].includes(after)) {
        throw new ParseFailure("comparisons cannot be chained; join them with and", this.peek().at);
      }
      return { kind: "binary", op: op as BinaryOp, left, right, at: t.at };
    }
    return left;
  };

  private parseSum = (): Expr => this.binaryLevel(["+", "-"], this.parseProduct);
  private parseProduct = (): Expr => this.binaryLevel(["*", "/"], this.parseUnary);

  private parseUnary = (): Expr => {
    if (this.opAt() === "-") {
      const t = this.next();
      this.enter(t.at);
      const operand = this.parseUnary();
      this.depth--;
      if (operand.kind === "number") return { kind: "number", value: -operand.value, at: t.at };
      return { kind: "unary", op: "-", operand, at: t.at };
    }
    if (this.opAt() === "+")
      throw new ParseFailure('a leading "+" is not needed; write the number alone', this.peek().at);
    return this.parsePrimary();
  };

  private parsePrimary(): Expr {
    const t = this.next();
    if (t.type === "number") {
      if (!Number.isFinite(t.value)) throw new ParseFailure(`"${t.text}" is not a number`, t.at);
      return { kind: "number", value: t.value, at: t.at };
    }
    if (t.type === "op" && t.value === "(") {
      this.enter(t.at);
      const inner = this.parseOr();
      this.depth--;
      const close = this.next();
      if (close.type !== "op" || close.value !== ")") {
        throw new ParseFailure('missing ")" to close a "("', close.at);
      }
      return inner;
    }
    if (t.type === "name") {
      if (t.value === "true" || t.value === "false")
        return { kind: "boolean", value: t.value === "true", at: t.at };
      if (t.value in WORD_OPS) throw new ParseFailure(`"${t.value}" needs something before it`, t.at);
      if (this.peek().type === "op" && this.peek().value === "(") return this.parseCall(t);
      let name = t.value;
      let end = t.at + t.text.length;
      while (this.peek().type === "op" && this.peek().value === ".") {
        this.next();
        const part = this.next();
        if (part.type !== "name") throw new ParseFailure(`expected a name after "${name}."`, part.at);
        name += `.${part.value}`;
        end = part.at + part.text.length;
      }
      return { kind: "name", name, at: t.at, length: end - t.at };
    }
    if (t.type === "end") throw new ParseFailure("expression ends too early", t.at);
    throw new ParseFailure(`unexpected "${t.text}"`, t.at);
  }

  private parseCall(nameToken: Token & { type: "name" }): Expr {
    const fn = nameToken.value;
    if (!(fn in FUNCTIONS)) {
      throw new ParseFailure(
        `unknown function "${fn}"; known: ${Object.keys(FUNCTIONS).join(", ")}`,
        nameToken.at,
      );
    }
    this.next(); // (
    this.enter(nameToken.at);
    const args: Expr[] = [];
    if (!(this.peek().type === "op" && this.peek().value === ")")) {
      args.push(this.parseOr());
      while (this.peek().type === "op" && this.peek().value === ",") {
        this.next();
        args.push(this.parseOr());
      }
    }
    this.depth--;
    const close = this.next();
    if (close.type !== "op" || close.value !== ")") {
      throw new ParseFailure(`missing ")" to close the call to ${fn}`, close.at);
    }
    const [lo, hi] = FUNCTIONS[fn as FunctionName].arity;
    if (args.length < lo || args.length > hi) {
      const wanted = lo === hi ? `${lo}` : `${lo} to ${hi}`;
      throw new ParseFailure(
        `${fn} takes ${wanted} argument${hi === 1 ? "" : "s"}, got ${args.length}`,
        nameToken.at,
      );
    }
    return { kind: "call", fn: fn as FunctionName, args, at: nameToken.at };
  }
}
