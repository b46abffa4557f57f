import { describe, expect, it } from "vitest";
import {
  type Change,
  createSession,
  pause,
  startWorkshop,
  type WorkshopSession,
} from "../../../src/app/workshop/session-model";
import { clock, timerAnnouncement } from "../../../src/ui/workshop/round-timer";
import { parseWorkshopRoute } from "../../../src/ui/workshop/workshop-route";
import { sample } from "../fixtures";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const ok = (c: Change): WorkshopSession => {
  if (!c.ok) throw new Error(c.reason);
  return c.session;
};
const running = ok(
  startWorkshop(
    ok(
      createSession(
        sample,
        { name: "", teamNames: ["A", "B"], timerSeconds: 90, reveal: "each", sameSeed: true },
        { id: "w", now: T0, newSeed: () => 1 },
      ),
    ),
    T0,
  ),
);

describe("the workshop's addresses", () => {
  it("reads the list, a console and a projector, and nothing else", () => {
    expect(parseWorkshopRoute("#/workshop")).toEqual({ kind: "list" });
    expect(parseWorkshopRoute("#/workshop/")).toEqual({ kind: "list" });
    expect(parseWorkshopRoute("#/workshop/ws-1/console")).toEqual({ kind: "console", id: "ws-1" });
    expect(parseWorkshopRoute("#/workshop/ws%201/projector")).toEqual({ kind: "projector", id: "ws 1" });
    expect(parseWorkshopRoute("#/workshop/ws-1/team/team-2")).toEqual({
      kind: "team",
      id: "ws-1",
      teamId: "team-2",
    });
    expect(parseWorkshopRoute("#/workshop/ws-1/team/%E0%A4%A")).toEqual({ kind: "unknown" });
    expect(parseWorkshopRoute("#/workshop/ws-1")).toEqual({ kind: "unknown" });
    expect(parseWorkshopRoute("#/workshop/%E0%A4%A/console")).toEqual({ kind: "unknown" });
  });
});

describe("the round timer's announcements", () => {
  it("speaks only at a minute, 30 and 10 seconds left and at time up, not every second", () => {
    const said = new Set<string>();
    for (let ms = 0; ms <= 95_000; ms += 1000) said.add(timerAnnouncement(running, T0 + ms));
    expect([...said]).toEqual(["", "1 minute left.", "30 seconds left.", "10 seconds left.", "Time is up."]);
  });

  it("says when the room is paused, with the time left", () => {
    expect(timerAnnouncement(ok(pause(running, T0 + 15_000)), T0 + 99_000)).toBe(
      "Paused for discussion with 1:15 left.",
    );
    expect(clock(61_000)).toBe("1:01");
    expect(clock(400)).toBe("0:01");
  });
});
