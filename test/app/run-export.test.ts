import { describe, expect, it } from "vitest";
import { realPath } from "../../src/app/real-path";
import { formatRoute, parseRoute } from "../../src/app/route";
import { runToCsv, runToJson } from "../../src/app/run-export";
import { replay } from "../../src/engine/index";
import { sample } from "./fixtures";

const run = replay(sample, 7, ["escalate", "quiet"]);

describe("run exports", () => {
  it("exports JSON that replays to the same run", () => {
    const data = JSON.parse(runToJson(sample, run.state, new Date(0)));
    expect(data).toMatchObject({ kind: "change-is-hard-run", scenarioId: sample.id, seed: 7 });
    const again = replay(sample, data.seed, data.choices);
    expect(again.state.history).toEqual(data.history);
  });

  it("exports one CSV row per week with the choices made that week", () => {
    const lines = runToCsv(sample, run.state).trim().split("\r\n");
    expect(lines).toHaveLength(run.state.history.points.length + 1);
    expect(lines[0]).toBe(
      "week,Trust,Budget (k£),Velocity (deploys/month),Frustration,choices,events,ending",
    );
    expect(lines[4]).toMatch(/^3,.*,Keep deploying quietly until it is perfect,,$/);
    expect(lines.at(-1)).toMatch(/,"?Deploying, quietly"?$/);
  });
});

describe("the real engagement's path", () => {
  it("follows the choices marked real to the ending marked real", () => {
    expect(realPath(sample).map((s) => `${s.node.id}:${s.choice.id}`)).toEqual([
      "the-request:template",
      "lost-in-translation:resubmit",
      "rules-open:quiet",
    ]);
  });
});

describe("routes", () => {
  it("reads and writes the addresses of the title, a new run and a saved run", () => {
    expect(parseRoute("")).toEqual({ kind: "title" });
    expect(parseRoute("#/play/firewall")).toEqual({ kind: "play", scenarioId: "firewall", runId: null });
    expect(parseRoute("#/play/firewall?seed=42")).toEqual({
      kind: "play",
      scenarioId: "firewall",
      runId: null,
      seed: 42,
    });
    expect(parseRoute("#/play/firewall?seed=x")).toEqual({
      kind: "play",
      scenarioId: "firewall",
      runId: null,
    });
    const saved = { kind: "play", scenarioId: "a b", runId: "run-1" } as const;
    expect(parseRoute(formatRoute(saved))).toEqual(saved);
  });
});
