import { describe, expect, it } from "vitest";
import {
  closeRound,
  createSession,
  enterChoice,
  startWorkshop,
  teamRuns,
  WORKSHOP_FORMAT,
  type WorkshopSession,
} from "../../../src/app/workshop/session-model";
import { workshopToCsv, workshopToJson } from "../../../src/app/workshop/workshop-export";
import { LocalforageWorkshopRepository } from "../../../src/app/workshop/workshop-repository";
import { replay } from "../../../src/engine/index";
import { sample } from "../fixtures";

let databases = 0;
const fresh = () => new LocalforageWorkshopRepository(`workshop-test-${process.pid}-${++databases}`);
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function session(id: string, at = T0): WorkshopSession {
  const created = createSession(
    sample,
    { name: `Room ${id}`, teamNames: ["Red", "Blue"], timerSeconds: 30, reveal: "end", sameSeed: true },
    { id, now: at, newSeed: () => 9 },
  );
  if (!created.ok) throw new Error(created.reason);
  const s = startWorkshop(created.session, at);
  if (!s.ok) throw new Error(s.reason);
  return s.session;
}

function played(id: string): WorkshopSession {
  let s = session(id);
  for (const [team, choice] of [
    ["team-1", "template"],
    ["team-2", "escalate"],
  ] as const) {
    const r = enterChoice(s, sample, team, choice, T0);
    if (!r.ok) throw new Error(r.reason);
    s = r.session;
  }
  const r = closeRound(s, sample, T0 + 5000);
  if (!r.ok) throw new Error(r.reason);
  return r.session;
}

/** The same workshop as the first draft of the format (1) stored it. */
function asFormatOne(s: WorkshopSession): Record<string, unknown> {
  const { timer, reveal: _, ...rest } = s;
  return {
    ...rest,
    workshopFormat: 1,
    timerSeconds: timer.durationMs === null ? null : timer.durationMs / 1000,
    deadline: timer.deadline,
    remainingMs: timer.remainingMs,
  };
}

describe("LocalforageWorkshopRepository", () => {
  it("keeps several workshops, most recently changed first, and deletes one", async () => {
    const repo = fresh();
    await repo.put(session("a", T0));
    await repo.put(session("b", T0 + 60_000));
    expect((await repo.list()).sessions.map((s) => s.id)).toEqual(["b", "a"]);
    await repo.remove("b");
    expect((await repo.list()).sessions.map((s) => s.id)).toEqual(["a"]);
  });

  it("gives back exactly what was saved: the triples, the pending entries, the rounds, the timer", async () => {
    const name = `workshop-test-${process.pid}-${++databases}`;
    const s = played("w");
    const runs = teamRuns(sample, s);
    const team = s.teams.find((t) => runs.get(t.id)!.status === "deciding")!;
    const entry = enterChoice(
      s,
      sample,
      team.id,
      sample.nodes[runs.get(team.id)!.at]!.choices[0]!.id,
      T0 + 6000,
    );
    if (!entry.ok) throw new Error(entry.reason);
    await new LocalforageWorkshopRepository(name).put(entry.session);
    // Another repository over the same database: what a reloaded window reads.
    expect(await new LocalforageWorkshopRepository(name).get("w")).toEqual(entry.session);
  });

  it("sets a damaged record aside with the reason while the others keep working", async () => {
    const repo = fresh();
    await repo.put(session("good"));
    await repo.putRaw("broken", { workshopFormat: WORKSHOP_FORMAT, id: "broken", teams: "none" });
    await repo.putRaw("not-an-object", "hello");
    const listing = await repo.list();
    expect(listing.sessions.map((s) => s.id)).toEqual(["good"]);
    expect(listing.setAside.map((a) => a.id).sort()).toEqual(["broken", "not-an-object"]);
    const broken = listing.setAside.find((a) => a.id === "broken")!;
    expect(broken.reason).toMatch(/damaged/);
    expect(broken.value).toMatchObject({ id: "broken", teams: "none" });
    expect((await repo.list()).setAside).toHaveLength(2);
    await repo.removeSetAside("broken");
    expect((await repo.list()).setAside.map((a) => a.id)).toEqual(["not-an-object"]);
  });

  it("refuses a record from a newer version, keeping it aside", async () => {
    const repo = fresh();
    await repo.putRaw("future", { ...session("future"), workshopFormat: WORKSHOP_FORMAT + 1 });
    expect(await repo.get("future")).toBeNull();
    expect((await repo.list()).setAside[0]!.reason).toMatch(/newer version/);
  });

  it("migrates a format 1 record on reading and writes the migrated record back", async () => {
    const repo = fresh();
    const current = played("old");
    await repo.putRaw("old", asFormatOne(current));
    const back = await repo.get("old");
    expect(back).toEqual({ ...current, reveal: "each" });
    // Written back in the current format: a second read has nothing to migrate.
    expect((await repo.list()).sessions).toEqual([back]);
  });

  it("sets aside a record stored under another id", async () => {
    const repo = fresh();
    await repo.putRaw("elsewhere", session("x"));
    expect((await repo.list()).setAside[0]).toMatchObject({ id: "elsewhere", reason: /id does not match/ });
  });
});

describe("exports", () => {
  it("JSON holds every team's reproducible triple, which replays to where the team is", () => {
    const s = played("e");
    const data = JSON.parse(workshopToJson(sample, s, teamRuns(sample, s), new Date(T0)));
    expect(data.kind).toBe("change-is-hard-workshop");
    expect(data.teams.map((t: { name: string }) => t.name)).toEqual(["Red", "Blue"]);
    for (const team of data.teams) {
      const again = replay(sample, team.triple.seed, team.triple.choices);
      expect(again.ok).toBe(true);
      expect(team.triple).toMatchObject({ scenarioId: sample.id, scenarioVersion: sample.version });
      expect(again.state.week).toBe(team.week);
      expect(again.state.metrics).toEqual(team.metrics);
    }
    expect(data.teams[1].triple.choices).toEqual(["escalate"]);
  });

  it("CSV has one row per team and week", () => {
    const s = played("c");
    const runs = teamRuns(sample, s);
    const lines = workshopToCsv(sample, s, runs).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^team,week,Trust,Budget \(k£\)/);
    const weeks = [...runs.values()].reduce((n, r) => n + r.history.points.length, 0);
    expect(lines).toHaveLength(1 + weeks);
    expect(lines.some((l) => l.startsWith("Blue,") && l.includes("Escalate to the CIO"))).toBe(true);
  });
});
