import type { Dialect } from "./markup";

/** One assignment, reduced to what the scenario format can express. */
export interface Assignment {
  /** The variable without its sigil (`totalPoints` for `$totalPoints`). */
  variable: string;
  /** `set`: becomes the value; `add`: changes by the value. `other`: not mappable (see `why`). */
  op: "set" | "add" | "other";
  value?: number | boolean | string;
  /** The assignment's source, for warnings. */
  raw: string;
  /** Why it cannot be mapped, for `other`. */
  why?: string;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Splits on commas outside quotes and brackets. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === "\\") {
        cur += c + (s[++i] ?? "");
        continue;
      }
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p !== "");
}

/** True for numbers the scenario expression language writes plainly (no exponent). */
export function plainNumber(n: number): boolean {
  return Number.isFinite(n) && !String(n).includes("e");
}

/** Reads a right-hand side: a literal, or the variable itself plus or minus a number. */
function value(rhs: string, self: RegExp, raw: string, variable: string): Assignment {
  const a = literalOrRelative(rhs, self, raw, variable);
  if (typeof a.value === "number" && !plainNumber(a.value)) {
    return { variable, op: "other", raw, why: "the number is too large or too small" };
  }
  return a;
}

function literalOrRelative(rhs: string, self: RegExp, raw: string, variable: string): Assignment {
  const v = rhs.trim();
  if (NUMBER.test(v)) return { variable, op: "set", value: Number(v), raw };
  if (v === "true" || v === "false") return { variable, op: "set", value: v === "true", raw };
  const str = /^(["'`])(.*)\1$/s.exec(v);
  if (str) return { variable, op: "set", value: str[2]!, raw };
  const rel = new RegExp(`^(?:${self.source})\\s*([+-])\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)$`).exec(v);
  if (rel) return { variable, op: "add", value: (rel[1] === "-" ? -1 : 1) * Number(rel[2]), raw };
  const relr = new RegExp(`^(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*\\+\\s*(?:${self.source})$`).exec(v);
  if (relr) return { variable, op: "add", value: Number(relr[1]), raw };
  return {
    variable,
    op: "other",
    raw,
    why: "its value is not a number, true/false or the variable plus a number",
  };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Parses the assignments of a `(set:)`, `(put:)`, `<<set>>` or a Chapbook vars line. */
export function parseAssignments(
  raw: string,
  form: "harlowe" | "put" | "sugarcube" | "chapbook",
): Assignment[] {
  if (form === "chapbook") {
    const m = /^\s*([A-Za-z_$][\w.$]*)\s*(\([^)]*\))?\s*:\s*(.*?)\s*$/s.exec(raw);
    if (!m) return [];
    const variable = m[1]!;
    if (m[2]) return [{ variable, op: "other", raw, why: `it only happens when ${m[2]}` }];
    return [value(m[3]!, new RegExp(esc(variable)), raw, variable)];
  }
  const out: Assignment[] = [];
  for (const part of splitTop(raw)) {
    if (form === "put") {
      const m = /^(.*)\s+into\s+([$_][A-Za-z]\w*)$/s.exec(part);
      if (!m) {
        out.push({ variable: "?", op: "other", raw: part, why: "it is not `value into $variable`" });
        continue;
      }
      out.push(target(m[2]!, m[1]!, part, form));
      continue;
    }
    const m = /^([$_][A-Za-z]\w*)\s*(to\b|\+=|-=|\+\+|--|=(?!=)|\*=|\/=)\s*(.*)$/s.exec(part);
    if (!m) {
      out.push({ variable: "?", op: "other", raw: part, why: "it is not `$variable to value`" });
      continue;
    }
    const [, name, op, rhs] = m as unknown as [string, string, string, string];
    if (op === "++" || op === "--") {
      if (rhs.trim() !== "")
        out.push({ variable: name.slice(1), op: "other", raw: part, why: "it is not simple" });
      else
        out.push(temp(name, { variable: name.slice(1), op: "add", value: op === "++" ? 1 : -1, raw: part }));
    } else if (op === "+=" || op === "-=") {
      const n = rhs.trim();
      out.push(
        temp(
          name,
          NUMBER.test(n) && plainNumber(Number(n))
            ? { variable: name.slice(1), op: "add", value: (op === "-=" ? -1 : 1) * Number(n), raw: part }
            : { variable: name.slice(1), op: "other", raw: part, why: "it does not add a plain number" },
        ),
      );
    } else if (op === "*=" || op === "/=") {
      out.push(
        temp(name, { variable: name.slice(1), op: "other", raw: part, why: "it multiplies or divides" }),
      );
    } else out.push(target(name, rhs, part, form));
  }
  return out;
}

function target(name: string, rhs: string, raw: string, form: string): Assignment {
  const variable = name.slice(1);
  const self = form === "harlowe" ? `it|${esc(name)}` : esc(name);
  return temp(name, value(rhs, new RegExp(self), raw, variable));
}

function temp(name: string, a: Assignment): Assignment {
  if (!name.startsWith("_")) return a;
  return { variable: a.variable, op: "other", raw: a.raw, why: `${name} is a temporary variable` };
}

/** What the importer knows about a variable, to translate conditions. */
export type VariableKind = { kind: "metric"; name: string } | { kind: "flag"; name: string };

type Token = { k: "num"; v: number } | { k: "id"; v: string } | { k: "op"; v: string } | { k: "str" };

const WORD_OPS: Record<string, string> = {
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  eq: "==",
  neq: "!=",
  is: "==",
  isnot: "!=",
  and: "and",
  or: "or",
  not: "not",
};

function tokenize(s: string, dialect: Dialect): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    const prev = out[out.length - 1];
    const signed = prev === undefined || (prev.k === "op" && prev.v !== ")");
    const num = (signed ? /^-?(?:\d+(?:\.\d*)?|\.\d+)/ : /^(?:\d+(?:\.\d*)?|\.\d+)/).exec(rest);
    if (num) {
      out.push({ k: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const str = /^(["'])(?:\\.|(?!\1).)*\1/.exec(rest);
    if (str) {
      out.push({ k: "str" });
      i += str[0].length;
      continue;
    }
    const word = /^[$_A-Za-z][\w.$]*/.exec(rest);
    if (word) {
      const w = word[0];
      if (w in WORD_OPS && !w.startsWith("$")) out.push({ k: "op", v: WORD_OPS[w]! });
      else if (
        dialect === "chapbook" ||
        w.startsWith("$") ||
        w.startsWith("_") ||
        w === "true" ||
        w === "false"
      )
        out.push({ k: "id", v: w });
      else throw new Error(`"${w}" is not a story variable`);
      i += w.length;
      continue;
    }
    const op = /^(===|!==|==|!=|>=|<=|&&|\|\||[<>!()=])/.exec(rest);
    if (!op) throw new Error(`"${rest[0]}" is not understood`);
    const v = op[0];
    out.push({
      k: "op",
      v:
        v === "===" || v === "="
          ? "=="
          : v === "!=="
            ? "!="
            : v === "&&"
              ? "and"
              : v === "||"
                ? "or"
                : v === "!"
                  ? "not"
                  : v,
    });
    i += v.length;
  }
  return out;
}

/** An expression in the scenario language and its precedence: 0 or, 1 and, 2 comparison, 3 atom. */
interface Out {
  text: string;
  prec: number;
}

/**
 * Translates a story format's condition into the scenario expression language, or throws an Error saying why
 * it cannot be. Numeric variables compared with numbers, flags, `not`, `and` and `or` are understood.
 */
export function translateCondition(
  source: string,
  dialect: Dialect,
  vars: Map<string, VariableKind>,
): string {
  const tokens = tokenize(source, dialect);
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => {
    const t = tokens[p];
    return t?.k === "op" && t.v === v;
  };
  const group = (o: Out, min: number) => (o.prec >= min ? o.text : `(${o.text})`);
  const orExpr = (): Out => {
    let left = andExpr();
    while (isOp("or")) {
      p++;
      const right = andExpr();
      left = { text: `${group(left, 0)} or ${group(right, 0)}`, prec: 0 };
    }
    return left;
  };
  const andExpr = (): Out => {
    let left = unary();
    while (isOp("and")) {
      p++;
      const right = unary();
      left = { text: `${group(left, 1)} and ${group(right, 1)}`, prec: 1 };
    }
    return left;
  };
  const unary = (): Out => {
    if (isOp("not")) {
      p++;
      const inner = unary();
      return { text: `not ${group(inner, 3)}`, prec: 3 };
    }
    return comparison();
  };
  type Operand = { num: number } | { bool: boolean } | { var: VariableKind; name: string } | { expr: Out };
  const operand = (): Operand => {
    const t = peek();
    if (!t) throw new Error("it ends too early");
    if (t.k === "op" && t.v === "(") {
      p++;
      const inner = orExpr();
      if (!isOp(")")) throw new Error("a parenthesis is not closed");
      p++;
      return { expr: inner };
    }
    p++;
    if (t.k === "num") {
      if (!plainNumber(t.v)) throw new Error("a number is too large or too small");
      return { num: t.v };
    }
    if (t.k === "str") throw new Error("it compares text");
    if (t.k === "id") {
      if (t.v === "true" || t.v === "false") return { bool: t.v === "true" };
      if (t.v.startsWith("_")) throw new Error(`${t.v} is a temporary variable`);
      const name = t.v.replace(/^\$/, "");
      const known = vars.get(name);
      if (!known) throw new Error(`${t.v} is not a number or true/false set by the story`);
      return { var: known, name: t.v };
    }
    throw new Error(`"${t.v}" is out of place`);
  };
  const comparison = (): Out => {
    const left = operand();
    const t = peek();
    const ops = ["<", "<=", ">", ">=", "==", "!="];
    if (t?.k === "op" && ops.includes(t.v)) {
      p++;
      let op = t.v;
      if (op === "==" && isOp("not")) {
        p++;
        op = "!=";
      }
      const right = operand();
      return compare(left, op, right);
    }
    if ("var" in left) {
      if (left.var.kind === "flag") return { text: `flags.${left.var.name}`, prec: 3 };
      throw new Error(`${left.name} is a number, not a yes/no condition`);
    }
    if ("expr" in left) return left.expr;
    throw new Error("a constant is not a condition");
  };
  const FLIP: Record<string, string> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!=" };
  const compare = (a: Operand, op: string, b: Operand): Out => {
    if ("num" in a && "var" in b) return compare(b, FLIP[op]!, a);
    if ("bool" in a && "var" in b) return compare(b, op, a);
    if ("var" in a && a.var.kind === "metric" && "num" in b)
      return { text: `${a.var.name} ${op} ${b.num}`, prec: 2 };
    if ("var" in a && a.var.kind === "flag" && "bool" in b && (op === "==" || op === "!=")) {
      const positive = b.bool === (op === "==");
      return { text: positive ? `flags.${a.var.name}` : `not flags.${a.var.name}`, prec: 3 };
    }
    if ("var" in a && "var" in b && a.var.kind === "metric" && b.var.kind === "metric")
      return { text: `${a.var.name} ${op} ${b.var.name}`, prec: 2 };
    throw new Error(
      "it compares things other than a number variable with a number or a flag with true/false",
    );
  };
  const result = orExpr();
  if (p < tokens.length) throw new Error(`"${source}" has more than one expression`);
  return result.text;
}
