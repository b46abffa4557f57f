import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "vite";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/engine/index";
import config, { bundledScenariosPlugin } from "../../vite.config";

// The browser receives scenarios compiled at build time as JSON; they must arrive exactly as the engine made
// them, including unbounded metrics (min -Infinity, max Infinity), which JSON cannot spell.
describe("the bundled-scenarios build plugin", () => {
  it("delivers every scenario exactly as the engine compiled it", async () => {
    const plugin = (config.plugins as Plugin[]).find((p) => p.name === "change-is-hard:bundled-scenarios")!;
    const load = plugin.load as (this: unknown, id: string) => Promise<string>;
    const code = await load.call({ addWatchFile() {} }, "\0virtual:bundled-scenarios");
    const dir = mkdtempSync(join(tmpdir(), "cih-bundle-"));
    try {
      writeFileSync(join(dir, "bundle.mjs"), code);
      const bundled = (await import(pathToFileURL(join(dir, "bundle.mjs")).href)).default as {
        file: string;
        ok: boolean;
        scenario?: unknown;
      }[];
      const files = readdirSync("scenarios").filter((f) => f.endsWith(".yaml"));
      expect(bundled.map((b) => b.file)).toEqual(files.sort().map((f) => `scenarios/${f}`));
      for (const entry of bundled) {
        const direct = loadScenario(entry.file, readFileSync(entry.file, "utf8"));
        expect(entry.ok).toBe(direct.ok);
        if (direct.ok) expect(entry.scenario).toEqual(direct.scenario);
      }
      const unbounded = bundled.flatMap(
        (b) => (b.scenario as { metrics: { min: number; max: number }[] } | undefined)?.metrics ?? [],
      );
      expect(unbounded.some((m) => m.max === Number.POSITIVE_INFINITY)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps unbounded metrics unbounded", async () => {
    const root = mkdtempSync(join(tmpdir(), "cih-root-"));
    try {
      const { mkdirSync } = await import("node:fs");
      mkdirSync(join(root, "scenarios"));
      writeFileSync(
        join(root, "scenarios", "open.yaml"),
        readFileSync("scenarios/sample-firewall-request.yaml", "utf8").replace(
          "money: { label: Budget, start: 80, min: 0,",
          "money: { label: Budget, start: 80,",
        ),
      );
      const own = bundledScenariosPlugin(process.cwd(), join(root, "scenarios"));
      const code = await (own.load as (this: unknown, id: string) => Promise<string>).call(
        { addWatchFile() {} },
        "\0virtual:bundled-scenarios",
      );
      writeFileSync(join(root, "bundle.mjs"), code);
      const [entry] = (await import(pathToFileURL(join(root, "bundle.mjs")).href)).default as {
        scenario: { metrics: { id: string; min: number; max: number }[] };
      }[];
      const money = entry!.scenario.metrics.find((m) => m.id === "money")!;
      expect(money.min).toBe(Number.NEGATIVE_INFINITY);
      expect(money.max).toBe(Number.POSITIVE_INFINITY);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
