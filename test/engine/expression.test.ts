import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/engine/expression/ast";
import { checkExpression, type NameScope } from "../../src/engine/expression/check";
import { type ExprEnv, evaluateCondition, evaluateNumber } from "../../src/engine/expression/evaluate";
import { parseExpression } from "../../src/engine/expression/parse";

const scope: NameScope = {
  metrics: new Set(["trust", "money", "velocity"]),
  flags: new Set(["silo"]),
  modifiers: new Set(["backed-out"]),
  nodes: new Set(["the-request", "rules-open"]),
};
const env: ExprEnv = {
  metrics: { trust: 40, money: 300, velocity: 1 },
  flags: { silo: true },
  week: 3,
  modifiers: [{ id: "backed-out" }],
  visited: ["the-request"],
};

function parse(source: string): Expr {
  const r = parseExpression(source);
  if ("error" in r) throw new Error(`${r.error.message} at ${r.error.at}`);
  return r.expr;
}
const num = (s: string) => evaluateNumber(parse(s), env);
const cond = (s: string) => evaluateCondition(parse(s), env);
const parseError = (s: string) => {
  const r = parseExpression(s);
  return "error" in r ? r.error : null;
};
const checkErrors = (s: string, type: "number" | "boolean") =>
  checkExpression(parse(s), scope, type).map((e) => e.message);

describe("the expression language", () => {
  it("computes arithmetic with the usual precedence", () => {
    expect(num("(velocity - 2) * 0.5")).toBe(-0.5);
    expect(num("1 + 2 * 3")).toBe(7);
    expect(num("10 - 4 - 3")).toBe(3);
    expect(num("-trust / 8")).toBe(-5);
    expect(num("1_000 + 0.25")).toBe(1000.25);
  });

  it("calls the built-in functions", () => {
    expect(num("min(trust, 30, 50)")).toBe(30);
    expect(num("max(trust, money)")).toBe(300);
    expect(num("clamp(money, 0, 100)")).toBe(100);
    expect(num("round(2.5) + floor(1.9) + ceil(1.1) + abs(-3)")).toBe(3 + 1 + 2 + 3);
  });

  it("treats division by zero as 0 so metrics stay finite", () => {
    expect(num("trust / (velocity - 1)")).toBe(0);
  });

  it("evaluates conditions with words and symbols alike", () => {
    expect(cond("trust >= 30 and not flags.silo")).toBe(false);
    expect(cond("trust >= 30 && !flags.silo || week == 3")).toBe(true);
    expect(cond("modifiers.backed-out and visited.the-request and not visited.rules-open")).toBe(true);
    expect(cond("trust != 40 or money < 100")).toBe(false);
  });

  it("binds and tighter than or", () => {
    expect(cond("true or false and false")).toBe(true);
    expect(cond("(true or false) and false")).toBe(false);
  });

  it("reports syntax errors at their column", () => {
    expect(parseError("trust >= (30")).toEqual({ message: 'missing ")" to close a "("', at: 12 });
    expect(parseError("trust = 30")).toEqual({ message: "use == to compare, not =", at: 6 });
    expect(parseError("trust >= 30 and")).toEqual({ message: "expression ends too early", at: 15 });
    expect(parseError("trust $ 3")?.at).toBe(6);
    expect(parseError("1 < trust < 3")?.message).toMatch(/cannot be chained/);
    expect(parseError("sqrt(4)")?.message).toMatch(/unknown function "sqrt"/);
    expect(parseError("abs(1, 2)")?.message).toBe("abs takes 1 argument, got 2");
    expect(parseError("")?.message).toBe("expression is empty");
  });

  it("refuses absurdly long or deep expressions instead of overflowing the stack", () => {
    expect(parseError(`${"(".repeat(5000)}1${")".repeat(5000)}`)?.message).toMatch(/too long|too deeply/);
    expect(parseError(`${"not ".repeat(200)}true`)?.message).toMatch(/too deeply/);
  });

  it("checks names against the scenario, with suggestions", () => {
    expect(checkErrors("trsut > 3", "boolean")).toEqual(['unknown metric "trsut" (did you mean "trust"?)']);
    expect(checkErrors("silo", "boolean")).toEqual(['unknown metric "silo" (did you mean "flags.silo"?)']);
    expect(checkErrors("flags.sio", "boolean")).toEqual(['unknown flag "sio" (did you mean "silo"?)']);
    expect(checkErrors("visited.nowhere", "boolean")).toEqual(['unknown node "nowhere"']);
    expect(checkErrors("team.size > 1", "boolean")[0]).toMatch(/dotted names start with flags\./);
  });

  it("checks types: conditions where conditions belong, numbers where numbers belong", () => {
    expect(checkErrors("trust + 1", "boolean")[0]).toMatch(/must be a condition/);
    expect(checkErrors("trust > 1", "number")[0]).toMatch(/must give a number/);
    expect(checkErrors("flags.silo + 1", "number")[0]).toMatch(/needs a number/);
    expect(checkErrors("trust and flags.silo", "boolean")[0]).toMatch(/needs a condition/);
    expect(checkErrors("trust == flags.silo", "boolean")[0]).toMatch(/cannot compare/);
    expect(checkErrors("week * 2 + min(trust, money)", "number")).toEqual([]);
  });
});
