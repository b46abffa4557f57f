import type { Expr } from "./ast";

/** What an expression can read: the run's metrics, flags, active modifiers, visited nodes and week. */
export interface ExprEnv {
  metrics: Record<string, number>;
  flags: Record<string, boolean>;
  week: number;
  modifiers: readonly { id: string }[];
  visited: readonly string[];
}

/** A compiled expression: a composition of small functions built from the tree (never eval). */
export type Evaluator = (env: ExprEnv) => number | boolean;

const cache = new WeakMap<Expr, Evaluator>();

/** Turns a checked tree into a function; results are cached per tree. */
export function compileExpression(expr: Expr): Evaluator {
  let fn = cache.get(expr);
  if (fn === undefined) {
    fn = build(expr);
    cache.set(expr, fn);
  }
  return fn;
}

/** Evaluates a numeric expression; a non-finite result (division by zero) counts as 0. */
export function evaluateNumber(expr: Expr, env: ExprEnv): number {
  const v = compileExpression(expr)(env) as number;
  return Number.isFinite(v) ? v : 0;
}

/** Evaluates a condition. */
export function evaluateCondition(expr: Expr, env: ExprEnv): boolean {
  return compileExpression(expr)(env) === true;
}

const num = (v: number | boolean): number => v as number;

function build(expr: Expr): Evaluator {
  switch (expr.kind) {
    case "number":
    case "boolean": {
      const value = expr.value;
      return () => value;
    }
    case "name":
      return buildName(expr.name);
    case "unary": {
      const operand = build(expr.operand);
      return expr.op === "not" ? (env) => !operand(env) : (env) => -num(operand(env));
    }
    case "call": {
      const args = expr.args.map(build);
      const [a = () => 0, b = () => 0, c = () => 0] = args;
      switch (expr.fn) {
        case "min":
          return (env) => {
            let m = num(a(env));
            for (let i = 1; i < args.length; i++) m = Math.min(m, num(args[i]!(env)));
            return m;
          };
        case "max":
          return (env) => {
            let m = num(a(env));
            for (let i = 1; i < args.length; i++) m = Math.max(m, num(args[i]!(env)));
            return m;
          };
        case "abs":
          return (env) => Math.abs(num(a(env)));
        case "round":
          return (env) => Math.round(num(a(env)));
        case "floor":
          return (env) => Math.floor(num(a(env)));
        case "ceil":
          return (env) => Math.ceil(num(a(env)));
        case "clamp":
          return (env) => Math.min(Math.max(num(a(env)), num(b(env))), num(c(env)));
      }
      break;
    }
    case "binary":
      return buildBinary(expr.op, expr.left, expr.right);
  }
}

/** Comparisons and arithmetic against a constant (`trust >= 30`, `velocity - 2`) get their own closures. */
function buildBinary(op: string, left: Expr, right: Expr): Evaluator {
  const l = build(left);
  if (right.kind === "number") {
    const c = right.value;
    switch (op) {
      case "<":
        return (env) => (l(env) as number) < c;
      case "<=":
        return (env) => (l(env) as number) <= c;
      case ">":
        return (env) => (l(env) as number) > c;
      case ">=":
        return (env) => (l(env) as number) >= c;
      case "+":
        return (env) => (l(env) as number) + c;
      case "-":
        return (env) => (l(env) as number) - c;
      case "*":
        return (env) => (l(env) as number) * c;
      case "/":
        return c === 0 ? () => 0 : (env) => (l(env) as number) / c;
    }
  }
  const r = build(right);
  switch (op) {
    case "and":
      return (env) => l(env) === true && r(env) === true;
    case "or":
      return (env) => l(env) === true || r(env) === true;
    case "==":
      return (env) => l(env) === r(env);
    case "!=":
      return (env) => l(env) !== r(env);
    case "<":
      return (env) => num(l(env)) < num(r(env));
    case "<=":
      return (env) => num(l(env)) <= num(r(env));
    case ">":
      return (env) => num(l(env)) > num(r(env));
    case ">=":
      return (env) => num(l(env)) >= num(r(env));
    case "+":
      return (env) => num(l(env)) + num(r(env));
    case "-":
      return (env) => num(l(env)) - num(r(env));
    case "*":
      return (env) => num(l(env)) * num(r(env));
    default:
      return (env) => {
        const d = num(r(env));
        return d === 0 ? 0 : num(l(env)) / d;
      };
  }
}

function buildName(name: string): Evaluator {
  if (name === "week") return (env) => env.week;
  const dot = name.indexOf(".");
  if (dot < 0) return (env) => env.metrics[name] ?? 0;
  const group = name.slice(0, dot);
  const member = name.slice(dot + 1);
  if (group === "flags") return (env) => env.flags[member] === true;
  if (group === "modifiers") return (env) => env.modifiers.some((m) => m.id === member);
  return (env) => env.visited.includes(member);
}
