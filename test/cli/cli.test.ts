import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";

const SAMPLE = "scenarios/sample-firewall-request.yaml";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, false);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("scenario validate", () => {
  it("exits 0 for a valid file and says so on stderr", async () => {
    const r = await cli("validate", SAMPLE);
    expect(r.code).toBe(0);
    expect(r.err).toBe("1 file checked: 0 errors, 0 warnings");
  });

  it("exits 1 and prints file:line:column diagnostics for every broken file", async () => {
    const r = await cli(
      "validate",
      SAMPLE,
      "test/fixtures/broken/chances.yaml",
      "test/fixtures/broken/graph.yaml",
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      "test/fixtures/broken/chances.yaml:18:11: error: outcome chances add up to 1.2, not 1",
    );
    expect(r.err).toContain(
      'test/fixtures/broken/graph.yaml:22:3: warning: node "island" cannot be reached from start',
    );
    expect(r.err.split("\n").at(-1)).toBe("3 files checked: 6 errors, 3 warnings");
  });

  it("exits 0 when a file has only warnings", async () => {
    const r = await cli("validate", "test/fixtures/warnings-only.yaml");
    expect(r.err).toMatch(/0 errors, 1 warning$/);
    expect(r.code).toBe(0);
  });

  it("reports a missing file or a folder as a diagnostic, not a crash", async () => {
    const r = await cli("validate", "no/such.yaml", "scenarios");
    expect(r.code).toBe(1);
    expect(r.err).toContain("no/such.yaml:1:1: error: no such file");
    expect(r.err).toContain("scenarios:1:1: error: this is a folder, not a scenario file");
  });
});

describe("scenario play", () => {
  it("plays scripted choices and prints the JSON the debrief needs", async () => {
    const r = await cli("play", SAMPLE, "--seed", "5", "--choose", "escalate,demo", "--json");
    expect(r.code).toBe(0);
    const run = JSON.parse(r.out);
    expect(run).toMatchObject({
      ending: "deployed-trusted",
      choices: ["escalate", "demo"],
      seed: 5,
      status: "ended",
    });
    expect(run.weeks).toBe(4);
    expect(run.history.points).toHaveLength(5);
  });

  it("plays in text with what changed and why", async () => {
    const r = await cli("play", SAMPLE, "--seed", "5", "--choose", "escalate,demo");
    expect(r.out).toContain("== Week 0: The firewall request ==");
    expect(r.out).toContain("> escalate");
    expect(r.out).toMatch(/Trust -\d+\.\d \(choice escalate -10\.0, weekly flow -?\d/);
    expect(r.out).toContain(
      "== Ending: Deploying with the business behind you (rating 3/3) after 4 weeks ==",
    );
  });

  it("plays automatically and reproducibly", async () => {
    const a = await cli("play", SAMPLE, "--seed", "9", "--auto", "random", "--json");
    const b = await cli("play", SAMPLE, "--seed", "9", "--auto", "random", "--json");
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).status).toBe("ended");
  });

  it("explains an unavailable or unknown choice and exits 1", async () => {
    const r = await cli("play", SAMPLE, "--choose", "fly");
    expect(r.code).toBe(1);
    expect(r.err).toBe('choice 1 ("fly"): there is no choice "fly" at node "the-request"');
  });

  it("exits 2 when the scripted choices stop before an ending", async () => {
    const r = await cli("play", SAMPLE, "--choose", "escalate");
    expect(r.code).toBe(2);
    expect(r.err).toContain('the run is still at node "rules-open" after the 1 choices given');
  });
});

describe("scenario analyze", () => {
  it("prints the balance report as JSON", async () => {
    const r = await cli("analyze", SAMPLE, "--runs", "300", "--seed", "4", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.runs).toBe(300);
    const total = Object.values(report.endings as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total + report.stuck + report.tooLong).toBe(300);
    expect(report.unvisitedNodes).toEqual([]);
    expect(Array.isArray(report.unreachedEndings)).toBe(true);
  });

  it("prints a readable report", async () => {
    const r = await cli("analyze", SAMPLE, "--runs", "300");
    expect(r.out).toContain("Sample: The Firewall Request: 300 random playthroughs (seed 1)");
    expect(r.out).toMatch(/Best ending reached by \d+\.\d% of random players/);
  });
});

describe("usage errors", () => {
  it.each([
    [["frobnicate"], 'error: unknown command "frobnicate"'],
    [[], "error: no command given"],
    [["validate"], "error: validate needs at least one file"],
    [["play", SAMPLE], "error: play needs --choose or --auto when it is not run in a terminal"],
    [["play", SAMPLE, "--auto", "best"], 'error: --auto must be "first" or "random"'],
    [["analyze", SAMPLE, "--runs", "many"], 'error: --runs must be a whole number of at least 1, not "many"'],
    [["analyze", SAMPLE, "--fast"], "error: Unknown option '--fast'"],
  ])("%j gives a usage line and exit code 2", async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe(message);
    expect(r.err).toContain("usage: npm run scenario -- <command> [options]");
  });
});
