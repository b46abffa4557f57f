// Time from navigation to the first choice being clickable, and the JavaScript sent before it, in Chromium.
// Builds the app, serves the production build locally, and opens `#/play/<sample>` in 5 cold loads (a fresh
// browser context each: no cache, no saved runs). Targets: under 1 s to the first choice; under 150 KB gzip of
// scripts before Phaser. Prints the median, every load, and the scripts counted.

import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, chromiumPath } from "../test/e2e/support/browser";

const LOADS = 5;
const SCENARIO = "sample-firewall-request";

// Runs in the page before any script: notes when an enabled button first appears in the "Choices" region.
// A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
const WATCH_FIRST_CHOICE = `(() => {
  const check = () => {
    if (window.__firstChoiceAt !== undefined) return;
    const region = document.querySelector('[aria-label="Choices"]');
    const button = region && region.querySelector("button:not([disabled])");
    if (button && button.getBoundingClientRect().height > 0) window.__firstChoiceAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})()`;

interface Load {
  ms: number;
  before: { url: string; gzip: number }[];
  after: { url: string; gzip: number }[];
}

export default async function firstScreen(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "cih-bench-"));
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: "warn",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  const port = (server.httpServer.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const loads: Load[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(WATCH_FIRST_CHOICE);
      const scripts: { url: string; at: number; body: Promise<Buffer> }[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() !== "script") return;
        scripts.push({ url: response.url(), at: Date.now(), body: response.body() });
      });
      const started = Date.now();
      await page.goto(`http://127.0.0.1:${port}/#/play/${SCENARIO}`);
      await page.waitForFunction("window.__firstChoiceAt !== undefined");
      const ms = (await page.evaluate("window.__firstChoiceAt")) as number;
      // Let the lazily loaded world arrive, to report what came after.
      await page.waitForTimeout(1500);
      const clickableAt = started + ms;
      const load: Load = { ms, before: [], after: [] };
      for (const s of scripts) {
        const entry = { url: new URL(s.url).pathname, gzip: gzipSync(await s.body).length };
        (s.at <= clickableAt ? load.before : load.after).push(entry);
      }
      loads.push(load);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }

  const times = loads.map((l) => l.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const last = loads.at(-1)!;
  const beforeBytes = last.before.reduce((n, s) => n + s.gzip, 0);
  console.log(
    `first choice clickable: median ${median.toFixed(0)} ms of ${LOADS} cold loads (target under 1000 ms) ${median < 1000 ? "OK" : "OVER"}`,
  );
  console.log(`  loads: ${loads.map((l) => l.ms.toFixed(0)).join(", ")} ms`);
  console.log(
    `JS before the first choice (before Phaser): ${(beforeBytes / 1024).toFixed(1)} KB gzip (target under 150 KB) ${beforeBytes < 150 * 1024 ? "OK" : "OVER"}`,
  );
  for (const s of last.before) console.log(`  ${s.url}: ${(s.gzip / 1024).toFixed(1)} KB gzip`);
  if (last.after.length > 0) {
    console.log("JS loaded after it (the world view):");
    for (const s of last.after) console.log(`  ${s.url}: ${(s.gzip / 1024).toFixed(1)} KB gzip`);
  }
}
