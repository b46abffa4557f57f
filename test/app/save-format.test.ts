import { describe, expect, it } from "vitest";
import { readSave, SAVE_FORMAT } from "../../src/app/save-format";

const current = {
  saveFormat: SAVE_FORMAT,
  id: "run-1",
  scenarioId: "sample-firewall-request",
  scenarioVersion: 1,
  seed: 7,
  choices: ["escalate"],
  scenarioTitle: "Sample",
  week: 3,
  status: "deciding",
  createdAt: "2026-01-01T12:00:00.000Z",
  updatedAt: "2026-01-01T12:00:01.000Z",
};

describe("readSave", () => {
  it("reads a save of the current format as it is", () => {
    expect(readSave(current)).toEqual({ ok: true, record: current, migrated: false });
  });

  it("keeps the pending event cards of a save, and drops a damaged list of them without losing the run", () => {
    const withCards = { ...current, pendingEvents: ["vendor-holiday"] };
    expect(readSave(withCards)).toEqual({ ok: true, record: withCards, migrated: false });
    expect(readSave({ ...current, pendingEvents: [42] })).toEqual({
      ok: true,
      record: current,
      migrated: false,
    });
  });

  it("migrates a format 1 save (the triple nested under run) to the current format", () => {
    const old = {
      saveFormat: 1,
      id: "old-run",
      run: { scenarioId: "sample-firewall-request", scenarioVersion: 1, seed: 3, choices: ["template"] },
      savedAt: "2025-06-01T09:00:00.000Z",
    };
    const read = readSave(old);
    expect(read).toMatchObject({
      ok: true,
      migrated: true,
      record: {
        saveFormat: SAVE_FORMAT,
        id: "old-run",
        scenarioId: "sample-firewall-request",
        seed: 3,
        choices: ["template"],
        createdAt: "2025-06-01T09:00:00.000Z",
      },
    });
  });

  it("refuses a save from a newer version with a sentence that says so", () => {
    const read = readSave({ ...current, saveFormat: SAVE_FORMAT + 1 });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/made by a newer version of Change Is Hard/);
  });

  it("calls a value that is not a save damaged, and says what is wrong", () => {
    expect(readSave("not a save")).toEqual({
      ok: false,
      reason: "the save is damaged (it is not a saved run at all)",
    });
    expect(readSave({ id: "x" })).toMatchObject({ ok: false, reason: expect.stringMatching(/save format/) });
    const broken = readSave({ ...current, choices: "escalate" });
    expect(!broken.ok && broken.reason).toMatch(/^the save is damaged \(choices: /);
  });
});
