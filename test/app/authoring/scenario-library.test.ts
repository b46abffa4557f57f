import { describe, expect, it } from "vitest";
import { newScenarioTemplate } from "../../../src/app/authoring/template";
import { PublishedScenarioStore, playableScenarios } from "../../../src/app/scenario-library";
import { loadScenario } from "../../../src/engine/index";
import { library } from "../fixtures";

let n = 0;
const fresh = () => new PublishedScenarioStore(`published-test-${process.pid}-${++n}`);
const bundledIds = library.flatMap((b) => (b.ok ? [b.scenario.id] : []));

describe("the new scenario template", () => {
  it("validates with no errors and no warnings, and starts with the schema comment", () => {
    const text = newScenarioTemplate("my-story", 'A "quoted" title: with a colon');
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./scenario.schema.json");
    const result = loadScenario("template.yaml", text);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok && result.scenario.title).toBe('A "quoted" title: with a colon');
  });
});

describe("publishing", () => {
  it("publishes a valid scenario and lists it after the bundled ones, playable", async () => {
    const store = fresh();
    const published = await store.publish(newScenarioTemplate("my-story", "My story"), { bundledIds });
    expect(published).toMatchObject({
      ok: true,
      replaced: false,
      record: { id: "my-story", title: "My story" },
    });
    const playable = await playableScenarios(library, store);
    expect(playable.slice(0, library.length)).toEqual(library);
    const mine = playable[library.length]!;
    expect(mine.file).toBe("library:my-story");
    expect(mine.ok && mine.scenario.id).toBe("my-story");
  });

  it("replaces the earlier text when the same id is published again", async () => {
    const store = fresh();
    await store.publish(newScenarioTemplate("my-story", "First"), { bundledIds });
    const again = await store.publish(newScenarioTemplate("my-story", "Second"), { bundledIds });
    expect(again).toMatchObject({ ok: true, replaced: true });
    const { published } = await store.list();
    expect(published.map((p) => p.title)).toEqual(["Second"]);
  });

  it("refuses a scenario with errors, saying where the first one is, and stores nothing", async () => {
    const store = fresh();
    const broken = newScenarioTemplate("my-story", "Mine").replace("goto: the-review\n", "goto: the-reviw\n");
    const result = await store.publish(broken, { bundledIds });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/1 error.*line \d+, column \d+: .*the-reviw/);
    expect((await store.list()).published).toEqual([]);
  });

  it("refuses an id that a bundled scenario has", async () => {
    const store = fresh();
    const result = await store.publish(newScenarioTemplate("sample-firewall-request", "Mine"), {
      bundledIds,
    });
    expect(!result.ok && result.reason).toMatch(
      /"sample-firewall-request" belongs to a scenario that comes with the game/,
    );
    expect((await store.list()).published).toEqual([]);
  });

  it("lists a stored record that clashes with a bundled id as broken, never replacing the bundled one", async () => {
    const store = fresh();
    await store.putRaw("sample-firewall-request", {
      publishFormat: 1,
      id: "sample-firewall-request",
      title: "Impostor",
      yaml: newScenarioTemplate("sample-firewall-request", "Impostor"),
      publishedAt: "2026-01-01T00:00:00.000Z",
      libraryId: null,
    });
    const playable = await playableScenarios(library, store);
    const clash = playable[library.length]!;
    expect(clash.ok).toBe(false);
    expect(clash.diagnostics[0]!.message).toMatch(/comes with the game/);
    expect(playable.filter((p) => p.ok && p.scenario.id === "sample-firewall-request")).toHaveLength(1);
  });

  it("sets a damaged record aside with the reason while the others stay playable", async () => {
    const store = fresh();
    await store.publish(newScenarioTemplate("good-one", "Good"), { bundledIds });
    await store.putRaw("bad", { publishFormat: 1, id: "bad", title: 3 });
    await store.putRaw("future", { publishFormat: 99, id: "future" });
    const { published, setAside } = await store.list();
    expect(published.map((p) => p.id)).toEqual(["good-one"]);
    expect(setAside.map((s) => [s.key, s.reason]).sort()).toEqual([
      ["bad", "title: missing or not text"],
      ["future", "it was published by a newer version (format 99)"],
    ]);
    const playable = await playableScenarios(library, store);
    expect(playable).toHaveLength(library.length + 1);
  });

  it("returns the bundled list unchanged when nothing is published", async () => {
    await expect(playableScenarios(library, fresh())).resolves.toBe(library);
  });
});
