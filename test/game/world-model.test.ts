import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { choose, loadScenario, type RunState, type Scenario, startRun } from "../../src/engine/index";
import {
  animationFrames,
  changesBetween,
  DEFAULT_GROUPS,
  frameAt,
  metricViews,
  moodOf,
  pipelineSpeed,
  pixelsPerWorldPixel,
  queueTickets,
  workItems,
  worldModel,
} from "../../src/game/world-model";

const sampleText = readFileSync(
  new URL("../../scenarios/sample-firewall-request.yaml", import.meta.url),
  "utf8",
);

function load(text = sampleText): Scenario {
  const result = loadScenario("sample-firewall-request.yaml", text);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("; "));
  return result.scenario;
}

function withWall(below: number): Scenario {
  return load(
    `${sampleText.trimEnd()}\n  walls:\n    - { around: [devops], when: "trust < ${below}", label: Silo }\n`,
  );
}

function step(scenario: Scenario, run: RunState, choice: string): RunState {
  const result = choose(scenario, run, choice);
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

/** The first seed whose "template" choice loses the rules in translation (a 60% chance). */
function lostSeed(scenario: Scenario): number {
  for (let seed = 1; seed < 100; seed++) {
    if (step(scenario, startRun(scenario, seed), "template").at === "lost-in-translation") return seed;
  }
  throw new Error("no seed loses the rules");
}

describe("worldModel", () => {
  it("draws the scenario's groups in file order with their kinds", () => {
    const model = worldModel(load(), null);
    expect(model.groups.map((g) => [g.id, g.kind])).toEqual([
      ["product", "team"],
      ["devops", "platform"],
      ["vendor", "vendor"],
      ["business", "business"],
    ]);
  });

  it("draws the default organisation when the scenario has no world block", () => {
    const model = worldModel({ ...load(), world: null }, null);
    expect(model.groups.map((g) => g.label)).toEqual(DEFAULT_GROUPS.map((g) => g.label));
    expect(model.walls).toEqual([]);
    expect(model.queues).toEqual([]);
  });

  it("keeps every group inside the world and apart from the others", () => {
    const model = worldModel({ ...load(), world: null }, null);
    for (const a of model.groups) {
      expect(a.box.x).toBeGreaterThanOrEqual(0);
      expect(a.box.x + a.box.w).toBeLessThanOrEqual(1280);
      for (const b of model.groups) {
        if (a === b) continue;
        const apart =
          a.box.x + a.box.w <= b.box.x ||
          b.box.x + b.box.w <= a.box.x ||
          a.box.y + a.box.h <= b.box.y ||
          b.box.y + b.box.h <= a.box.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it("links only neighbours, so every link is short and no group is left alone", () => {
    const model = worldModel({ ...load(), world: null }, null);
    expect(model.links).toHaveLength(7);
    for (const g of model.groups)
      expect(model.links.some((l) => l.from === g.id || l.to === g.id)).toBe(true);
  });

  it("shows the firewall queue from the start, growing with the weeks it waits", () => {
    const scenario = load();
    const start = worldModel(scenario, startRun(scenario, 1));
    expect(start.queues[0]).toMatchObject({ at: "vendor", waiting: true, weeksWaited: 0 });
    expect(queueTickets(start.queues[0]!)).toBe(1);
    expect(start.summary).toContain("Firewall request just arrived at Firewall vendor");
    const run = step(scenario, startRun(scenario, lostSeed(scenario)), "template");
    const later = worldModel(scenario, run);
    expect(later.queues[0]).toMatchObject({ waiting: true, weeksWaited: 2 });
    expect(queueTickets(later.queues[0]!)).toBe(2);
    expect(later.summary).toContain("Firewall request waiting 2 weeks at Firewall vendor");
  });

  it("counts the weeks a queue has waited from the week its condition started to hold", () => {
    const scenario = load(
      sampleText.replace(
        "when: not visited.rules-open }",
        'when: not visited.rules-open }\n    - { at: business, label: Complaint, when: "trust < 35" }',
      ),
    );
    // Escalating costs 10 trust at once (40 to 30), then trust drifts down half a point a week for three weeks:
    // below 35 from the first recorded week on, so the complaint has waited two weeks by week 3.
    const run = step(scenario, startRun(scenario, 1), "escalate");
    expect(run.history.points.map((p) => p.metrics.trust)).toEqual([40, 29.5, 29, 28.5]);
    const complaint = worldModel(scenario, run).queues[1]!;
    expect(complaint).toMatchObject({ at: "business", waiting: true, weeksWaited: 2 });
  });

  it("empties the queue once the rules are open", () => {
    const scenario = load();
    const run = step(scenario, startRun(scenario, 1), "escalate");
    const model = worldModel(scenario, run);
    expect(model.queues[0]).toMatchObject({ waiting: false, weeksWaited: 0 });
    expect(queueTickets(model.queues[0]!)).toBe(0);
    expect(model.summary).not.toContain("Firewall request");
  });

  it("raises a wall while its condition holds and cuts the links that cross it", () => {
    const scenario = withWall(35);
    const before = worldModel(scenario, startRun(scenario, 1));
    expect(before.walls[0]!.standing).toBe(false);
    expect(before.links.some((l) => l.cut)).toBe(false);
    const after = worldModel(scenario, step(scenario, startRun(scenario, 1), "escalate"));
    expect(after.walls[0]!.standing).toBe(true);
    const cut = after.links.filter((l) => l.cut).map((l) => [l.from, l.to].sort().join("-"));
    expect(cut.sort()).toEqual(["devops-product", "devops-vendor"]);
    expect(after.summary).toContain("DevOps team walled off (Silo)");
    expect(changesBetween(before, after).groups).toEqual(new Set(["devops", "vendor"]));
  });

  it("names the ending once the run has ended", () => {
    const scenario = load();
    const run = step(scenario, step(scenario, startRun(scenario, 1), "escalate"), "demo");
    const model = worldModel(scenario, run);
    expect(model).toMatchObject({ ended: true, endingTitle: "Deploying with the business behind you" });
    expect(model.summary).toMatch(/the run has ended\.$/);
    expect(worldModel(scenario, startRun(scenario, 1))).toMatchObject({ ended: false, endingTitle: null });
  });

  it("draws one wall around neighbours, and one per group when another group stands between them", () => {
    const scenario = load(
      sampleText.replace(
        "  queues:",
        '  walls:\n    - { around: [product, devops], when: "true" }\n    - { around: [product, vendor], when: "true" }\n  queues:',
      ),
    );
    const [neighbours, apart] = worldModel(scenario, null).walls;
    expect(neighbours!.boxes).toHaveLength(1);
    expect(apart!.boxes).toHaveLength(2);
    // The one box holds both neighbours and no one else.
    const [product, devops, vendor] = worldModel(scenario, null).groups;
    const box = neighbours!.boxes[0]!;
    const inside = (b: typeof box) =>
      b.x >= box.x && b.y >= box.y && b.x + b.w <= box.x + box.w && b.y + b.h <= box.y + box.h;
    expect([inside(product!.box), inside(devops!.box), inside(vendor!.box)]).toEqual([true, true, false]);
  });

  it("reads trust, money and velocity by convention and says so in the summary", () => {
    const model = worldModel(load(), null);
    expect(model.trust).toMatchObject({ value: 40, level: 0.4, top: 100 });
    expect(model.money).toMatchObject({ value: 80, start: 80, level: 1 });
    expect(model.velocity).toMatchObject({ value: 1, level: 0.05 });
    expect(model.summary).toContain("trust 40 of 100, people look uneasy");
    expect(model.summary).toContain("budget 80 k£ left of 80 k£");
  });

  it("copes with a scenario that has none of the conventional metrics", () => {
    const scenario = load();
    const bare = { ...scenario, metrics: scenario.metrics.filter((m) => m.id === "frustration") };
    const model = worldModel(bare, null);
    expect(model.trust).toBeNull();
    expect(model.money).toBeNull();
    expect(model.velocity).toBeNull();
    expect(moodOf(model.trust)).toBe("calm");
    expect(workItems(model.velocity)).toBe(0);
    expect(model.summary).toMatch(/^The organisation at week 0: .*\.$/);
  });

  it("does not reveal a hidden metric's value", () => {
    const scenario = load();
    const hidden = {
      ...scenario,
      metrics: scenario.metrics.map((m) => (m.id === "trust" ? { ...m, hidden: true } : m)),
    };
    const model = worldModel(hidden, null);
    expect(model.summary).toContain("people look uneasy");
    expect(model.summary).not.toContain("trust 40");
  });
});

describe("pipeline and mood", () => {
  const scenario = load();
  it("carries more and faster work as velocity grows, and nothing at zero", () => {
    const at = (v: number) => metricViews(scenario, { velocity: v }).velocity;
    expect(workItems(at(0))).toBe(0);
    expect(pipelineSpeed(at(0))).toBe(0);
    expect(workItems(at(1))).toBeLessThan(workItems(at(10)));
    expect(pipelineSpeed(at(1))).toBeLessThan(pipelineSpeed(at(10)));
    expect(workItems(at(20))).toBe(12);
  });

  it("turns trust into a mood", () => {
    const mood = (v: number) => moodOf(metricViews(scenario, { trust: v }).trust);
    expect([mood(10), mood(40), mood(80)]).toEqual(["unhappy", "uneasy", "happy"]);
  });

  it("measures money against the budget at the start", () => {
    expect(metricViews(scenario, { money: 20 }).money?.level).toBe(0.25);
    expect(metricViews(scenario, { money: 120 }).money?.level).toBe(1);
  });
});

describe("animation frames", () => {
  it("passes through every simulated week and ends on the run's final metrics", () => {
    const scenario = load();
    const start = startRun(scenario, 1);
    const run = step(scenario, start, "escalate");
    const frames = animationFrames({ week: 0, metrics: start.metrics }, run);
    expect(frames.map((f) => f.week)).toEqual([0, 1, 2, 3, 3]);
    expect(frames[0]!.metrics.money).toBe(80);
    expect(frames.at(-1)!.metrics).toEqual(run.metrics);
  });

  it("interpolates between neighbouring frames and clamps at the ends", () => {
    const frames = [
      { week: 0, metrics: { money: 80 } },
      { week: 1, metrics: { money: 70 } },
      { week: 2, metrics: { money: 50 } },
    ];
    expect(frameAt(frames, 0.5)).toEqual({ week: 0.5, metrics: { money: 75 } });
    expect(frameAt(frames, 1.5)).toEqual({ week: 1.5, metrics: { money: 60 } });
    expect(frameAt(frames, 9)).toEqual({ week: 2, metrics: { money: 50 } });
    expect(frameAt(frames, -1)).toEqual({ week: 0, metrics: { money: 80 } });
  });
});

describe("pixelsPerWorldPixel", () => {
  it("draws at the density the world is shown at, in half steps from 1 to 1.5", () => {
    expect(pixelsPerWorldPixel(435, 2)).toBe(1);
    expect(pixelsPerWorldPixel(1280, 1)).toBe(1);
    expect(pixelsPerWorldPixel(900, 2)).toBe(1.5);
    expect(pixelsPerWorldPixel(1280, 2)).toBe(1.5);
    expect(pixelsPerWorldPixel(2560, 3)).toBe(1.5);
    expect(pixelsPerWorldPixel(0, 2)).toBe(1);
  });
});
