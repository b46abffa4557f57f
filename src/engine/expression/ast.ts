/** A parsed expression: a plain, JSON-serialisable tree. `at` is the 0-based column in the source text. */
export type Expr =
  | { kind: "number"; value: number; at: number }
  | { kind: "boolean"; value: boolean; at: number }
  | { kind: "name"; name: string; at: number; length: number }
  | { kind: "unary"; op: "-" | "not"; operand: Expr; at: number }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr; at: number }
  | { kind: "call"; fn: FunctionName; args: Expr[]; at: number };

/** Operators in the expression language, in their canonical spelling. */
export type BinaryOp = "or" | "and" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/";

/** Functions an author may call; each takes numbers and returns a number. */
export const FUNCTIONS = {
  min: { arity: [2, 8] },
  max: { arity: [2, 8] },
  abs: { arity: [1, 1] },
  round: { arity: [1, 1] },
  floor: { arity: [1, 1] },
  ceil: { arity: [1, 1] },
  clamp: { arity: [3, 3] },
} as const;

/** The name of a built-in function. */
export type FunctionName = keyof typeof FUNCTIONS;

/** Words the language reserves; a metric, flag or modifier cannot be called one of these. */
export const RESERVED_WORDS = new Set([
  "and",
  "or",
  "not",
  "true",
  "false",
  "week",
  "flags",
  "modifiers",
  "visited",
  ...Object.keys(FUNCTIONS),
]);

/** A problem found while parsing or checking an expression; `at` is a 0-based column. */
export interface ExpressionError {
  message: string;
  at: number;
}
