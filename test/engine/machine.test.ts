import { describe, expect, it } from "vitest";
import { createRunMachine, replay, restoreRunActor, startRunActor } from "../../src/engine/index";
import { sampleScenario } from "./helpers";

describe("the compiled XState machine", () => {
  const scenario = sampleScenario();
  const machine = createRunMachine(scenario);

  it("has one state per node and ending, and starts at the start node", () => {
    expect(Object.keys(machine.root.states)).toEqual(
      expect.arrayContaining([...Object.keys(scenario.nodes), ...Object.keys(scenario.endings)]),
    );
    const actor = startRunActor(machine, 3);
    expect(actor.getSnapshot().value).toBe("the-request");
    expect(actor.getSnapshot().hasTag("decision")).toBe(true);
    actor.stop();
  });

  it("moves to the node the step function chose and ends in the ending's final state", () => {
    const actor = startRunActor(machine, 3);
    actor.send({ type: "player.choose", choiceId: "escalate" });
    expect(actor.getSnapshot().value).toBe("rules-open");
    actor.send({ type: "player.choose", choiceId: "demo" });
    const snap = actor.getSnapshot();
    expect(snap.value).toBe("deployed-trusted");
    expect(snap.status).toBe("done");
    expect(snap.context.ending).toBe("deployed-trusted");
  });

  it("ignores a choice that is not available at the current node", () => {
    const actor = startRunActor(machine, 3);
    const before = actor.getSnapshot().context;
    actor.send({ type: "player.choose", choiceId: "demo" });
    expect(actor.getSnapshot().value).toBe("the-request");
    expect(actor.getSnapshot().context).toBe(before);
  });

  it("keeps the same history as a replay of the same seed and choices", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const actor = startRunActor(machine, seed);
      actor.send({ type: "player.choose", choiceId: "template" });
      const next =
        actor.getSnapshot().context.at === "lost-in-translation" ? ["resubmit", "quiet"] : ["quiet"];
      for (const choiceId of next) actor.send({ type: "player.choose", choiceId });
      const context = actor.getSnapshot().context;
      expect(context).toEqual(replay(scenario, seed, ["template", ...next]).state);
    }
  });

  it("persists a snapshot and restores it to continue the same run", () => {
    const actor = startRunActor(machine, 9);
    actor.send({ type: "player.choose", choiceId: "template" });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = restoreRunActor(machine, persisted);
    expect(restored.getSnapshot().value).toBe(actor.getSnapshot().value);
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
    const choice = restored.getSnapshot().value === "lost-in-translation" ? "test-rules" : "demo";
    restored.send({ type: "player.choose", choiceId: choice });
    actor.send({ type: "player.choose", choiceId: choice });
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
  });
});

describe("starting an actor at a replayed state", () => {
  const scenario = sampleScenario();
  const machine = createRunMachine(scenario);

  it("continues from the replayed node as the original actor would", async () => {
    const { startRunActorAt } = await import("../../src/engine/index");
    const state = replay(scenario, 5, ["escalate"]).state;
    const actor = startRunActorAt(machine, state);
    expect(actor.getSnapshot().value).toBe("rules-open");
    expect(actor.getSnapshot().context).toEqual(state);
    actor.send({ type: "player.choose", choiceId: "demo" });
    expect(actor.getSnapshot().context).toEqual(replay(scenario, 5, ["escalate", "demo"]).state);
    expect(actor.getSnapshot().status).toBe("done");
  });

  it("starts in the final state of an ended run", async () => {
    const { startRunActorAt } = await import("../../src/engine/index");
    const state = replay(scenario, 5, ["escalate", "demo"]).state;
    const actor = startRunActorAt(machine, state);
    expect(actor.getSnapshot().value).toBe("deployed-trusted");
    expect(actor.getSnapshot().status).toBe("done");
  });
});
