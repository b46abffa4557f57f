import { describe, expect, it } from "vitest";
import { SAVE_FORMAT } from "../../src/app/save-format";
import { replay } from "../../src/engine/index";
import { freshStorage, sample, sessionOn } from "./fixtures";

const playSample = { kind: "play", scenarioId: sample.id, runId: null } as const;

describe("GameSession", () => {
  it("starts a run at the scenario's first decision and saves it at once", async () => {
    const storage = freshStorage();
    const session = sessionOn(storage);
    await session.init();
    await session.open(playSample);
    const { screen, run, saves } = session.store.getState();
    expect(screen).toEqual({ kind: "play" });
    expect(run?.state).toMatchObject({ at: sample.start, week: 0, seed: 7, choices: [] });
    expect(saves.map((s) => s.id)).toEqual(["run-1"]);
    await session.flush();
    await expect(storage.saves.get("run-1")).resolves.toMatchObject({ saveFormat: SAVE_FORMAT, choices: [] });
  });

  it("mirrors the actor's snapshot: the consequences are exactly the engine's", async () => {
    const session = sessionOn(freshStorage());
    await session.init();
    await session.open(playSample);
    session.choose("escalate");
    const expected = replay(sample, 7, ["escalate"]);
    expect(expected.ok).toBe(true);
    expect(session.store.getState().run?.state).toEqual(expected.state);
    expect(session.store.getState().announcement).toMatch(/^Week 3\. Trust .*Now: The rules are open\.$/);
  });

  it("starts a run with the seed an address gives, so a room can share its luck", async () => {
    const session = sessionOn(freshStorage());
    await session.init();
    await session.open({ ...playSample, seed: 1234 });
    expect(session.store.getState().run?.state.seed).toBe(1234);
  });

  it("ignores a choice that is not on offer, and saves nothing for it", async () => {
    const storage = freshStorage();
    const session = sessionOn(storage);
    await session.init();
    await session.open(playSample);
    const before = session.store.getState().run?.state;
    session.choose("no-such-choice");
    await session.flush();
    expect(session.store.getState().run?.state).toBe(before);
    await expect(storage.saves.get("run-1")).resolves.toMatchObject({ choices: [] });
  });

  it("autosaves after every choice, so a new session (a reload) resumes the run where it was", async () => {
    const storage = freshStorage();
    const first = sessionOn(storage);
    await first.init();
    await first.open(playSample);
    first.choose("escalate");
    await first.flush();
    expect(first.store.getState()).toMatchObject({ saved: { runId: "run-1", choices: 1 }, saving: 0 });
    first.dispose();

    const second = sessionOn(storage);
    await second.init();
    expect(second.store.getState().saves.map((s) => [s.id, s.week, s.choices])).toEqual([
      ["run-1", 3, ["escalate"]],
    ]);
    await second.open({ kind: "play", scenarioId: sample.id, runId: "run-1" });
    expect(second.store.getState().run?.state).toEqual(replay(sample, 7, ["escalate"]).state);
  });

  it("keeps several saved runs apart", async () => {
    const storage = freshStorage();
    const session = sessionOn(storage);
    await session.init();
    await session.open(playSample);
    session.choose("escalate");
    await session.open(playSample);
    await session.flush();
    const listing = await storage.saves.list();
    expect(listing.saves.map((s) => [s.id, s.choices.length]).sort()).toEqual([
      ["run-1", 1],
      ["run-2", 0],
    ]);
  });

  it("rewinds to an earlier decision by replaying the choices before it, and saves the rewound run", async () => {
    const storage = freshStorage();
    const session = sessionOn(storage);
    await session.init();
    await session.open(playSample);
    session.choose("escalate");
    session.choose("quiet");
    expect(session.store.getState().run?.state.status).toBe("ended");
    await session.rewind(1);
    expect(session.store.getState().run?.state).toEqual(replay(sample, 7, ["escalate"]).state);
    await session.flush();
    await expect(storage.saves.get("run-1")).resolves.toMatchObject({
      choices: ["escalate"],
      status: "deciding",
    });
  });

  it("records the endings discovered, and remembers them in the next session", async () => {
    const storage = freshStorage();
    const session = sessionOn(storage);
    await session.init();
    await session.open(playSample);
    session.choose("escalate");
    session.choose("quiet");
    expect(session.store.getState().discovered[sample.id]).toEqual(["deployed"]);
    await session.flush();
    const next = sessionOn(storage);
    await next.init();
    expect(next.store.getState().discovered[sample.id]).toEqual(["deployed"]);
  });

  it("holds an interruption's card until the player acknowledges it", async () => {
    const seed = [...Array(500).keys()].find((s) => {
      const r = replay(sample, s, ["template"]);
      return r.ok && (r.state.lastStep?.events.length ?? 0) > 0;
    });
    expect(seed).toBeDefined();
    const session = sessionOn(freshStorage(), seed);
    await session.init();
    await session.open(playSample);
    session.choose("template");
    expect(session.store.getState().run?.pendingEvents).toEqual(["vendor-holiday"]);
    session.acknowledgeEvents();
    expect(session.store.getState().run?.pendingEvents).toEqual([]);
  });

  it("shows an interruption's card again after a reload until it is acknowledged", async () => {
    const seed = [...Array(500).keys()].find((s) => {
      const r = replay(sample, s, ["template"]);
      return r.ok && (r.state.lastStep?.events.length ?? 0) > 0;
    })!;
    const storage = freshStorage();
    const first = sessionOn(storage, seed);
    await first.init();
    await first.open(playSample);
    first.choose("template");
    await first.flush();
    first.dispose();

    const reloaded = sessionOn(storage, seed);
    await reloaded.init();
    await reloaded.open({ ...playSample, runId: "run-1" });
    expect(reloaded.store.getState().run?.pendingEvents).toEqual(["vendor-holiday"]);
    reloaded.acknowledgeEvents();
    await reloaded.flush();
    reloaded.dispose();

    const again = sessionOn(storage, seed);
    await again.init();
    await again.open({ ...playSample, runId: "run-1" });
    expect(again.store.getState().run?.pendingEvents).toEqual([]);
    expect(again.store.getState().run?.state.choices).toEqual(["template"]);
  });

  it("sets aside a save whose choices no longer replay, with a message, and keeps the others", async () => {
    const storage = freshStorage();
    const session = sessionOn(storage);
    await session.init();
    await session.open(playSample);
    session.choose("escalate");
    await session.flush();
    await storage.saves.put({
      ...(await storage.saves.get("run-1"))!,
      id: "stale",
      scenarioVersion: 0,
      choices: ["a-choice-that-was-removed"],
    });

    const next = sessionOn(storage);
    await next.init();
    const { saves, setAside } = next.store.getState();
    expect(saves.map((s) => s.id)).toEqual(["run-1"]);
    expect(setAside).toHaveLength(1);
    expect(setAside[0]?.reason).toMatch(
      /^choice 1 of "Sample: The Firewall Request" no longer applies: .*\(it was made with version 0 of the scenario; this is version 1\)$/,
    );
  });

  it("says an unknown scenario id is unknown, and an unknown saved run is not there", async () => {
    const session = sessionOn(freshStorage());
    await session.init();
    await session.open({ kind: "play", scenarioId: "no-such-scenario", runId: null });
    expect(session.store.getState().screen).toEqual({
      kind: "not-found",
      message: 'There is no scenario with the id "no-such-scenario". Pick one from the list instead.',
    });
    await session.open({ kind: "play", scenarioId: sample.id, runId: "gone" });
    expect(session.store.getState().screen).toMatchObject({ kind: "not-found" });
  });

  it("keeps the player's settings between sessions", async () => {
    const storage = freshStorage();
    const session = sessionOn(storage);
    await session.init();
    await session.updateSettings({ reveal: "debrief-only", textSize: "larger" });
    expect(session.store.getState().announcement).toBe(
      "Settings saved: what really happened only in the debrief, reduced motion off, larger text.",
    );
    const next = sessionOn(storage);
    await next.init();
    expect(next.store.getState().settings).toEqual({
      reveal: "debrief-only",
      reducedMotion: false,
      textSize: "larger",
    });
  });
});
