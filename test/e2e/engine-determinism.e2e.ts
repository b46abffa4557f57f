import { readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeScenario, loadScenario, playRandomRun, replay } from "../../src/engine/index";
import { openBrowser } from "./support/browser";

// The same (scenario, seed, choices) must give the same history to the last digit in node and in Chromium.
let server: ViteDevServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    logLevel: "warn",
    cacheDir: "node_modules/.vite-engine-harness",
    server: { host: "127.0.0.1", port: 0, hmr: false, watch: null },
    optimizeDeps: { entries: ["test/e2e/engine-harness/engine.html"], include: ["yaml", "zod", "xstate"] },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  browser = await openBrowser();
  await browser.page.goto(`http://127.0.0.1:${port}/test/e2e/engine-harness/engine.html`);
  await browser.page.getByText("ready").waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const files = readdirSync("scenarios").filter((f) => f.endsWith(".yaml"));
const inNode = (file: string) => {
  const r = loadScenario(`scenarios/${file}`, readFileSync(`scenarios/${file}`, "utf8"));
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.scenario;
};
/** What test/e2e/engine-harness/engine-harness.ts puts on window. */
type Harness = { engine: { replay(file: string, seed: number, choices: string[]): unknown } };

describe("determinism across node and Chromium", () => {
  it("bundles the same scenario files the node tests see", async () => {
    const seen = await browser.page.evaluate(() =>
      (window as unknown as { engine: { files(): string[] } }).engine.files(),
    );
    expect(seen.sort()).toEqual(files.map((f) => `scenarios/${f}`).sort());
  });

  for (const file of files) {
    it(`gives identical random runs and replays of ${file}`, async () => {
      const scenario = inNode(file);
      for (const seed of [1, 42, 123456789, -7]) {
        const run = playRandomRun(scenario, seed, seed * 31 + 7);
        const remote = await browser.page.evaluate(
          ([f, s]) =>
            (window as unknown as { engine: { randomRun(f: string, s: number): unknown } }).engine.randomRun(
              f,
              s,
            ),
          [`scenarios/${file}`, seed] as const,
        );
        expect(remote).toEqual(JSON.parse(JSON.stringify(run)));
        const withHistory = replay(scenario, seed, run.state.choices).state;
        const remoteReplay = await browser.page.evaluate(
          ([f, s, c]) => (window as unknown as Harness).engine.replay(f, s, [...c]),
          [`scenarios/${file}`, seed, run.state.choices] as const,
        );
        expect(remoteReplay).toEqual(JSON.parse(JSON.stringify(withHistory)));
      }
    });
  }

  it("gives the same analysis report", async () => {
    const file = "sample-firewall-request.yaml";
    const local = analyzeScenario(inNode(file), { runs: 300, seed: 5, exhaustivePaths: 500 });
    const remote = await browser.page.evaluate(
      (f) =>
        (window as unknown as { engine: { analyze(f: string, r: number): unknown } }).engine.analyze(f, 300),
      `scenarios/${file}`,
    );
    expect(remote).toEqual(JSON.parse(JSON.stringify(local)));
  });
});
