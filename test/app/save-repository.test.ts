import { describe, expect, it } from "vitest";
import { SAVE_FORMAT, type SaveRecord } from "../../src/app/save-format";
import { freshStorage } from "./fixtures";

function record(id: string, updatedAt: string): SaveRecord {
  return {
    saveFormat: SAVE_FORMAT,
    id,
    scenarioId: "sample-firewall-request",
    scenarioVersion: 1,
    seed: 1,
    choices: [],
    scenarioTitle: "Sample",
    week: 0,
    status: "deciding",
    createdAt: updatedAt,
    updatedAt,
  };
}

describe("LocalforageSaveRepository", () => {
  it("keeps several saves and lists them newest first", async () => {
    const { saves } = freshStorage();
    await saves.put(record("a", "2026-01-01T10:00:00.000Z"));
    await saves.put(record("b", "2026-01-01T11:00:00.000Z"));
    const listing = await saves.list();
    expect(listing.saves.map((s) => s.id)).toEqual(["b", "a"]);
    expect(listing.setAside).toEqual([]);
  });

  it("sets a corrupted save aside with the reason while the others keep working", async () => {
    const { saves } = freshStorage();
    await saves.put(record("good", "2026-01-01T10:00:00.000Z"));
    await saves.putRaw("broken", { saveFormat: SAVE_FORMAT, id: "broken", seed: "not a number" });
    const listing = await saves.list();
    expect(listing.saves.map((s) => s.id)).toEqual(["good"]);
    expect(listing.setAside).toHaveLength(1);
    expect(listing.setAside[0]).toMatchObject({ id: "broken", reason: expect.stringMatching(/damaged/) });
    // Set aside, not lost: the value is kept as it was found, and the list stays clean afterwards.
    expect(listing.setAside[0]!.value).toMatchObject({ id: "broken", seed: "not a number" });
    const again = await saves.list();
    expect(again.saves.map((s) => s.id)).toEqual(["good"]);
    expect(again.setAside.map((s) => s.id)).toEqual(["broken"]);
    await expect(saves.get("good")).resolves.toMatchObject({ id: "good" });
  });

  it("migrates an old-format save on listing and stores it in the current format", async () => {
    const { saves } = freshStorage();
    await saves.putRaw("old", {
      saveFormat: 1,
      id: "old",
      run: { scenarioId: "sample-firewall-request", scenarioVersion: 1, seed: 5, choices: ["escalate"] },
      savedAt: "2025-01-01T00:00:00.000Z",
    });
    const listing = await saves.list();
    expect(listing.saves).toHaveLength(1);
    expect(listing.saves[0]).toMatchObject({
      saveFormat: SAVE_FORMAT,
      id: "old",
      seed: 5,
      choices: ["escalate"],
    });
    await expect(saves.get("old")).resolves.toMatchObject({ saveFormat: SAVE_FORMAT });
  });

  it("refuses a save from a newer format: set aside with a message, never deleted", async () => {
    const { saves } = freshStorage();
    await saves.putRaw("future", { ...record("future", "2026-01-01T10:00:00.000Z"), saveFormat: 99 });
    const listing = await saves.list();
    expect(listing.saves).toEqual([]);
    expect(listing.setAside[0]?.reason).toMatch(/newer version of Change Is Hard \(save format 99/);
    await saves.removeSetAside("future");
    await expect(saves.list()).resolves.toEqual({ saves: [], setAside: [] });
  });
});
