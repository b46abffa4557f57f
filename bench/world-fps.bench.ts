// Frame times of the world scene while choices animate, in headless Chromium (Canvas renderer, --disable-gpu).
// Target: no frame over 50 ms. Prints median fps, the 95th percentile frame time and the longest frame.

import os from "node:os";
import { serveHarness } from "../test/e2e/harness/serve";
import { openBrowser } from "../test/e2e/support/browser";

const CHOICES = 3;
const GAP_MS = 2200;

export default async function worldFps(): Promise<void> {
  const server = await serveHarness();
  const browser = await openBrowser();
  try {
    const { page } = browser;
    // Seed 6 with a wall below trust 40: the queue grows, the wall rises, the rules open, the run ends.
    // Strings, not functions: tsx would wrap named inner functions in a helper the page does not have.
    // Every requestAnimationFrame callback (Phaser's game loop runs in one) is timed, to separate the world's own
    // work per frame from frames the browser or a busy machine dropped.
    await page.addInitScript(`(() => {
      const raf = window.requestAnimationFrame.bind(window);
      window.__raf = raf;
      window.__work = [];
      window.requestAnimationFrame = (cb) => raf((t) => {
        const start = performance.now();
        cb(t);
        if (window.__recording) window.__work.push(performance.now() - start);
      });
    })()`);
    // Seed 6 with a wall below trust 40: the queue grows, the wall rises, the rules open, the run ends.
    await page.goto(server.url("seed=6&wall=40&choices=template,resubmit,demo"));
    await page.waitForSelector("body[data-ready=true]");
    // Let the first frames (texture uploads, font layout) pass before measuring.
    await page.waitForTimeout(1000);
    await page.evaluate(`(() => {
      window.__frameTimes = [];
      window.__recording = true;
      let last = performance.now();
      const tick = (now) => {
        window.__frameTimes.push(now - last);
        last = now;
        if (window.__recording) window.__raf(tick);
      };
      window.__raf(tick);
    })()`);
    for (let i = 0; i < CHOICES; i++) {
      await page.getByRole("button", { name: "Make a choice" }).click();
      await page.waitForTimeout(GAP_MS);
    }
    const frames = (await page.evaluate(
      "(window.__recording = false, window.__frameTimes.slice(1))",
    )) as number[];
    const work = ((await page.evaluate("window.__work")) as number[]).sort((a, b) => a - b);
    const sorted = [...frames].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    const [load] = os.loadavg();
    console.log(`machine load average (1 min) at the end: ${load?.toFixed(1)} on ${os.cpus().length} cores`);
    const median = at(0.5);
    const longest = sorted.at(-1)!;
    console.log(
      `frames recorded: ${frames.length} over ${(frames.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s, ${CHOICES} choices animating`,
    );
    console.log(`median fps: ${(1000 / median).toFixed(1)}`);
    console.log(`p95 frame time: ${at(0.95).toFixed(1)} ms`);
    console.log(
      `longest frame: ${longest.toFixed(1)} ms (target: none over 50 ms) ${longest <= 50 ? "OK" : "OVER"}`,
    );
    const w = (q: number) => work[Math.min(work.length - 1, Math.floor(q * work.length))]!;
    console.log(
      `world's work per frame: median ${w(0.5).toFixed(1)} ms, p95 ${w(0.95).toFixed(1)} ms, longest ${work.at(-1)!.toFixed(1)} ms`,
    );
    console.log(
      `frames over 50 ms: ${frames.filter((f) => f > 50).length}; over 33 ms: ${frames.filter((f) => f > 33).length}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
