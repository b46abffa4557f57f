import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { importFile } from "../../../src/app/authoring/import-file";
import {
  AUTOSAVE_VERSION_GAP_MS,
  LibraryRepository,
  MAX_VERSIONS,
} from "../../../src/app/authoring/library-repository";
import { newScenarioTemplate } from "../../../src/app/authoring/template";
import { loadScenario } from "../../../src/engine/index";

let n = 0;
const open: LibraryRepository[] = [];
/** A repository over a database no other test uses, with a clock the test moves. */
function fresh(name = `library-test-${process.pid}-${++n}`) {
  const clock = { t: Date.parse("2026-03-01T10:00:00.000Z") };
  const repo = new LibraryRepository(name, () => new Date(clock.t));
  open.push(repo);
  return { repo, clock, name };
}
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});

const template = newScenarioTemplate("my-story", "My story");

describe("the author's library", () => {
  it("creates, lists, renames, duplicates and deletes entries, and restores a deleted one", async () => {
    const { repo, clock } = fresh();
    const a = await repo.create("First", template, "New from the template");
    clock.t += 1000;
    const b = await repo.create("Second", template, "New from the template");
    expect((await repo.list()).entries.map((e) => e.name)).toEqual(["Second", "First"]);
    clock.t += 1000;
    await repo.rename(a.id, "  Renamed  ");
    expect((await repo.get(a.id))!.name).toBe("Renamed");
    const copy = (await repo.duplicate(b.id))!;
    expect(copy.name).toBe("Copy of Second");
    expect(copy.id).not.toBe(b.id);
    expect(copy.yaml).toContain("\nid: my-story-copy\n");
    expect(loadScenario("copy.yaml", copy.yaml).ok).toBe(true);
    await repo.remove(b.id);
    let listing = await repo.list();
    expect(listing.entries.map((e) => e.id).sort()).toEqual([a.id, copy.id].sort());
    expect(listing.deleted.map((e) => e.name)).toEqual(["Second"]);
    await repo.restoreDeleted(b.id);
    listing = await repo.list();
    expect(listing.entries.map((e) => e.name).sort()).toEqual(["Copy of Second", "Renamed", "Second"]);
    expect(listing.deleted).toEqual([]);
  });

  it("keeps every replaced text as a version, newest first, with identical saves deduplicated", async () => {
    const { repo, clock } = fresh();
    const e = await repo.create("Mine", "a: 1\n", "test");
    clock.t += AUTOSAVE_VERSION_GAP_MS * 2;
    let r = await repo.save(e.id, "a: 2\n", { baseRevision: e.revision, kind: "explicit" });
    expect(r.kind).toBe("saved");
    clock.t += 1000;
    const same = await repo.save(e.id, "a: 2\n", { baseRevision: r.entry.revision, kind: "explicit" });
    expect(same.kind).toBe("unchanged");
    r = await repo.save(e.id, "a: 3\n", { baseRevision: r.entry.revision, kind: "explicit" });
    expect(r.entry.yaml).toBe("a: 3\n");
    expect(r.entry.versions.map((v) => v.yaml)).toEqual(["a: 2\n", "a: 1\n"]);
    const restored = await repo.restoreVersion(e.id, 1, r.entry.revision);
    expect(restored.entry.yaml).toBe("a: 1\n");
    expect(restored.entry.versions.map((v) => [v.yaml, v.note])).toEqual([
      ["a: 3\n", "before restoring an earlier version"],
      ["a: 2\n", "saved"],
      ["a: 1\n", "saved"],
    ]);
  });

  it("lets autosaves while typing share one version per minute, and caps the history", async () => {
    const { repo, clock } = fresh();
    const e = await repo.create("Mine", "v0", "test");
    let revision = e.revision;
    for (let i = 1; i <= 10; i++) {
      clock.t += 2000;
      revision = (await repo.save(e.id, `v${i}`, { baseRevision: revision })).entry.revision;
    }
    // The first autosave kept v0; the next nine came within the minute and shared it.
    expect((await repo.get(e.id))!.versions.map((v) => v.yaml)).toEqual(["v0"]);
    clock.t += AUTOSAVE_VERSION_GAP_MS;
    revision = (await repo.save(e.id, "v11", { baseRevision: revision })).entry.revision;
    expect((await repo.get(e.id))!.versions.map((v) => v.yaml)).toEqual(["v10", "v0"]);
    for (let i = 0; i < MAX_VERSIONS + 5; i++) {
      clock.t += 1000;
      revision = (await repo.save(e.id, `x${i}`, { baseRevision: revision, kind: "explicit" })).entry
        .revision;
    }
    const versions = (await repo.get(e.id))!.versions;
    expect(versions).toHaveLength(MAX_VERSIONS);
    expect(versions[0]!.yaml).toBe(`x${MAX_VERSIONS + 3}`);
  });

  it("sets a corrupted record aside with the reason while the others keep working", async () => {
    const { repo } = fresh();
    const good = await repo.create("Good", template, "test");
    await repo.putRaw("broken", { libraryFormat: 1, id: "broken", name: 5 });
    await repo.putRaw("future", { libraryFormat: 7, id: "future" });
    await repo.putRaw("junk", "not an object");
    const listing = await repo.list();
    expect(listing.entries.map((e) => e.id)).toEqual([good.id]);
    expect(listing.setAside.map((s) => [s.key, s.reason]).sort()).toEqual([
      ["broken", "the record is damaged (name: missing or not text)"],
      ["future", "it was saved by a newer version of Change Is Hard (library format 7)"],
      ["junk", "the record is damaged (it is not a library scenario at all)"],
    ]);
    // Kept as found, and not listed again as an entry.
    expect(listing.setAside.find((s) => s.key === "broken")!.value).toMatchObject({ name: 5 });
    expect((await repo.list()).entries).toHaveLength(1);
  });

  it("never silently overwrites a second tab's save: both texts are kept and the author is told", async () => {
    const name = `library-test-${process.pid}-${++n}`;
    const tabA = fresh(name).repo;
    const tabB = fresh(name).repo;
    const heard: string[] = [];
    tabA.onChangeElsewhere((id) => heard.push(id));
    const e = await tabA.create("Shared", "base", "test");
    const fromB = await tabB.save(e.id, "tab B's text", { baseRevision: e.revision, kind: "explicit" });
    expect(fromB.kind).toBe("saved");
    const fromA = await tabA.save(e.id, "tab A's text", { baseRevision: e.revision, kind: "explicit" });
    expect(fromA.kind).toBe("conflict");
    expect(fromA.kind === "conflict" && fromA.message).toMatch(/another tab.*Both texts are kept/);
    const stored = (await tabB.get(e.id))!;
    expect(stored.yaml).toBe("tab A's text");
    expect(stored.versions.map((v) => [v.yaml, v.note])).toEqual([
      ["tab B's text", "saved in another tab"],
      ["base", "saved"],
    ]);
    // Tab A heard tab B's save through the broadcast channel.
    await expect.poll(() => heard).toContain(e.id);
  });

  it("recreates an entry that another tab deleted when the open editor saves, keeping both texts", async () => {
    const name = `library-test-${process.pid}-${++n}`;
    const tabA = fresh(name).repo;
    const tabB = fresh(name).repo;
    const e = await tabA.create("Doomed", "before", "test");
    await tabB.remove(e.id);
    const r = await tabA.save(e.id, "still typing", { baseRevision: e.revision });
    expect(r.kind).toBe("recreated");
    const back = (await tabA.get(e.id))!;
    expect(back.name).toBe("Doomed");
    expect(back.yaml).toBe("still typing");
    expect(back.versions.map((v) => v.yaml)).toEqual(["before"]);
    expect((await tabA.list()).deleted).toEqual([]);
  });
});

describe("importing files", () => {
  it("imports a YAML file as a new entry named by its title", async () => {
    const { repo } = fresh();
    const r = await importFile(repo, "C:\\stories\\mine.yaml", template);
    expect(r.ok && r.entry.name).toBe("My story");
    expect(r.ok && r.entry.yaml).toBe(template);
  });

  it("imports a file that is not a valid scenario as a new entry whose errors the editor shows", async () => {
    const { repo } = fresh();
    const existing = await repo.create("Existing", template, "test");
    const r = await importFile(repo, "notes.yaml", "this: [is not closed\n");
    expect(r.ok).toBe(true);
    expect(r.ok && loadScenario("notes.yaml", r.entry.yaml).ok).toBe(false);
    expect((await repo.get(existing.id))!.yaml).toBe(template);
  });

  it("refuses a binary file and a broken Twine file with a clear message, changing nothing", async () => {
    const { repo } = fresh();
    const existing = await repo.create("Existing", template, "test");
    const binary = await importFile(repo, "photo.yaml", "PNG\u0000\u0001");
    expect(!binary.ok && binary.reason).toBe(
      '"photo.yaml" is not a text file (it contains binary data). Nothing was imported.',
    );
    const twine = await importFile(repo, "story.html", "<html><body>no story here</body></html>");
    expect(!twine.ok && twine.reason).toMatch(
      /^"story.html" could not be imported: .*Nothing was imported\.$/,
    );
    const listing = await repo.list();
    expect(listing.entries.map((e) => e.id)).toEqual([existing.id]);
  });

  it("imports a Twee file through the Twine importer, keeping its warnings with their passages", async () => {
    const { repo } = fresh();
    const twee = readFileSync(new URL("../../fixtures/twine/harlowe-mappings.twee", import.meta.url), "utf8");
    const r = await importFile(repo, "harlowe-mappings.twee", twee);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entry.origin).toBe("Imported from Twine: harlowe-mappings.twee");
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(r.warnings.some((w) => typeof w.passage === "string")).toBe(true);
    expect((await repo.get(r.entry.id))!.notes).toEqual(r.warnings);
    expect(
      loadScenario("imported.yaml", r.entry.yaml).diagnostics.filter((d) => d.severity === "error"),
    ).toEqual([]);
  });

  it("imports every story of a Twine library archive as its own entry", async () => {
    const { repo } = fresh();
    const archive = [
      '<tw-storydata name="First story" startnode="1" format="Harlowe" format-version="3.3.8">',
      '<tw-passagedata pid="1" name="Start">Go on. [[Next]]</tw-passagedata>',
      '<tw-passagedata pid="2" name="Next">The end.</tw-passagedata>',
      "</tw-storydata>",
      '<tw-storydata name="Second story" startnode="1" format="Harlowe" format-version="3.3.8">',
      '<tw-passagedata pid="1" name="Begin">Choose. [[Left]] [[Right]]</tw-passagedata>',
      '<tw-passagedata pid="2" name="Left">Gone left.</tw-passagedata>',
      '<tw-passagedata pid="3" name="Right">Gone right.</tw-passagedata>',
      "</tw-storydata>",
    ].join("\n");
    const r = await importFile(repo, "library.html", archive);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entry.name).toBe("First story");
    expect(r.alsoImported.map((e) => e.name)).toEqual(["Second story"]);
    expect(r.warnings[0]!.message).toBe(
      "library.html holds 2 stories (First story, Second story); each became its own scenario in your library",
    );
    expect(r.warnings.some((w) => /pick another with --story/.test(w.message))).toBe(false);
    const second = loadScenario("second.yaml", r.alsoImported[0]!.yaml);
    expect(second.ok && Object.keys(second.scenario.endings).sort()).toEqual(["left", "right"]);
    expect((await repo.list()).entries).toHaveLength(2);
  });
});
