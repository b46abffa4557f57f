import type { Expr, ExpressionError } from "./ast";

/** The two value types of the expression language. */
export type ExprType = "number" | "boolean";

/** The names a scenario declares, which expressions may refer to. */
export interface NameScope {
  metrics: ReadonlySet<string>;
  flags: ReadonlySet<string>;
  modifiers: ReadonlySet<string>;
  nodes: ReadonlySet<string>;
}

/** Checks names and types; returns the expression's type and every problem found. */
export function checkExpression(expr: Expr, scope: NameScope, expected: ExprType): ExpressionError[] {
  const errors: ExpressionError[] = [];
  const type = typeOf(expr, scope, errors);
  if (type !== undefined && type !== expected) {
    errors.push({
      message:
        expected === "boolean"
          ? "this must be a condition (true or false), for example trust >= 30, but it gives a number"
          : "this must give a number, but it is a condition (true or false)",
      at: expr.at,
    });
  }
  return errors;
}

function typeOf(expr: Expr, scope: NameScope, errors: ExpressionError[]): ExprType | undefined {
  switch (expr.kind) {
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "name":
      return nameType(expr.name, expr.at, scope, errors);
    case "unary": {
      const t = typeOf(expr.operand, scope, errors);
      const want: ExprType = expr.op === "not" ? "boolean" : "number";
      if (t !== undefined && t !== want)
        errors.push({ message: `"${expr.op}" needs a ${describe(want)}`, at: expr.at });
      return want;
    }
    case "call": {
      for (const arg of expr.args) {
        const t = typeOf(arg, scope, errors);
        if (t === "boolean") errors.push({ message: `${expr.fn} takes numbers, not conditions`, at: arg.at });
      }
      return "number";
    }
    case "binary": {
      const l = typeOf(expr.left, scope, errors);
      const r = typeOf(expr.right, scope, errors);
      const need = (t: ExprType | undefined, want: ExprType, side: Expr) => {
        if (t !== undefined && t !== want) {
          errors.push({ message: `"${expr.op}" needs a ${describe(want)} on each side`, at: side.at });
        }
      };
      switch (expr.op) {
        case "and":
        case "or":
          need(l, "boolean", expr.left);
          need(r, "boolean", expr.right);
          return "boolean";
        case "==":
        case "!=":
          if (l !== undefined && r !== undefined && l !== r) {
            errors.push({ message: `cannot compare a ${describe(l)} with a ${describe(r)}`, at: expr.at });
          }
          return "boolean";
        case "<":
        case "<=":
        case ">":
        case ">=":
          need(l, "number", expr.left);
          need(r, "number", expr.right);
          return "boolean";
        default:
          need(l, "number", expr.left);
          need(r, "number", expr.right);
          return "number";
      }
    }
  }
}

function describe(t: ExprType): string {
  return t === "number" ? "number" : "condition (true or false)";
}

function nameType(
  name: string,
  at: number,
  scope: NameScope,
  errors: ExpressionError[],
): ExprType | undefined {
  if (name === "week") return "number";
  const dot = name.indexOf(".");
  if (dot < 0) {
    if (scope.metrics.has(name)) return "number";
    const hint = scope.flags.has(name)
      ? ` (did you mean "flags.${name}"?)`
      : scope.modifiers.has(name)
        ? ` (did you mean "modifiers.${name}"?)`
        : suggestion(name, scope.metrics);
    errors.push({ message: `unknown metric "${name}"${hint}`, at });
    return undefined;
  }
  const group = name.slice(0, dot);
  const member = name.slice(dot + 1);
  const table: Record<string, [ReadonlySet<string>, string]> = {
    flags: [scope.flags, "flag"],
    modifiers: [scope.modifiers, "modifier"],
    visited: [scope.nodes, "node"],
  };
  const entry = table[group];
  if (entry === undefined) {
    errors.push({
      message: `unknown name "${name}"; dotted names start with flags., modifiers. or visited.`,
      at,
    });
    return undefined;
  }
  if (!entry[0].has(member)) {
    errors.push({ message: `unknown ${entry[1]} "${member}"${suggestion(member, entry[0])}`, at });
    return undefined;
  }
  return "boolean";
}

function suggestion(name: string, known: Iterable<string>): string {
  const best = closest(name, known);
  return best === undefined ? "" : ` (did you mean "${best}"?)`;
}

/** The known word nearest to `word` by edit distance, if it is near enough to be a likely typo. */
export function closest(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Edit distance where swapping two neighbouring letters counts as one edit (Damerau, restricted). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
