import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { EXAMPLES, exampleFiles } from "./twine-support";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, false);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "import-twine-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURE = "test/fixtures/twine/harlowe-mappings.twee";

describe("scenario import-twine", () => {
  it('prints the YAML on stdout and the warnings on stderr as file: passage "Name": message', async () => {
    const r = await cli("import-twine", FIXTURE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Imported from Twine \(harlowe-mappings\.twee\)/);
    expect(r.out).toContain("title: The Firewall Request (Harlowe)");
    expect(r.err).toContain(`${FIXTURE}: passage "Custom code": a script passage; dropped, never run`);
    expect(r.err).toContain(`${FIXTURE}: the summary, objectives and minutes are placeholders: write them`);
  });

  it("writes -o, which then passes validate, and refuses to overwrite it without --force", async () => {
    const out = join(dir, "firewall.yaml");
    const first = await cli("import-twine", FIXTURE, "-o", out);
    expect(first.code).toBe(0);
    expect(first.out).toBe("");
    expect(first.err).toMatch(/wrote .*firewall\.yaml \(\d+ warnings\)$/);
    expect((await cli("validate", out)).err).toBe("1 file checked: 0 errors, 0 warnings");

    writeFileSync(out, "keep me");
    const again = await cli("import-twine", FIXTURE, "-o", out);
    expect(again.code).toBe(1);
    expect(again.err).toBe(`error: ${out} exists; add --force to overwrite it`);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await cli("import-twine", FIXTURE, "-o", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("format: 1");
  });

  it("picks a story of an archive with --story", async () => {
    exampleFiles(); // fails clearly when ../shared is missing
    const archive = join(EXAMPLES, "extwee__Twine2ArchiveHTMLParser_test1.html");
    const r = await cli("import-twine", archive, "--story", "Untitled Story");
    expect(r.code).toBe(0);
    expect(r.out).toContain("title: Untitled Story\n");
    const missing = await cli("import-twine", archive, "--story", "Nope");
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      `error: ${archive}: no story named "Nope" in the file; it holds "Untitled Story 6", "Untitled Story"`,
    );
  });

  it("validates every shared example after import", async () => {
    for (const file of exampleFiles()) {
      const out = join(dir, `${file}.yaml`);
      expect((await cli("import-twine", join(EXAMPLES, file), "-o", out)).code, file).toBe(0);
      expect((await cli("validate", out)).code, file).toBe(0);
    }
  });

  it("exits 1 for files it cannot import and 2 for usage errors", async () => {
    const missing = await cli("import-twine", join(dir, "none.twee"));
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`error: ${join(dir, "none.twee")}: no such file`);
    const notTwine = await cli("import-twine", "package.json");
    expect(notTwine.code).toBe(1);
    expect(notTwine.err).toMatch(/^error: package\.json: this is neither Twee/);
    expect(existsSync(join(dir, "x.yaml"))).toBe(false);

    const none = await cli("import-twine");
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^error: import-twine needs exactly one Twee or Twine HTML file\nusage:/);
    const unwritable = await cli("import-twine", FIXTURE, "-o", join(dir, "no/such/dir/x.yaml"));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/error: cannot write .*x\.yaml: ENOENT/);
    expect((await cli("import-twine", FIXTURE, "--bogus")).code).toBe(2);
    expect((await cli("import-twine", FIXTURE, "-o")).code).toBe(2);
  });

  it("lists the command in the usage", async () => {
    expect((await cli("help")).out).toContain("import-twine <file> [-o out.yaml] [--story NAME]");
  });
});
