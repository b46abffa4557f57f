// Frame times of the world scene while choices animate, in headless Chromium (Canvas renderer, --disable-gpu),
// at pixel density 1 (a 1280x720 canvas) and 2 (2560x1440, what a high-density laptop gets).
// Target: no frame over 50 ms. Prints median fps, the 95th percentile frame time and the longest frame, and the
// world's own work per frame (time inside requestAnimationFrame callbacks, where Phaser's loop runs), which tells
// the world's cost apart from frames a busy machine dropped.
import os from "node:os";
import { chromium, type Page } from "playwright-core";
import { serveHarness } from "../test/e2e/harness/serve";
import { CHROMIUM_ARGS, chromiumPath } from "../test/e2e/support/browser";

const CHOICES = 3;
const GAP_MS = 2200;

// Strings, not functions: tsx would wrap named inner functions in a helper the page does not have.
const TIME_CALLBACKS = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__raf = raf;
  window.__work = [];
  window.requestAnimationFrame = (cb) => raf((t) => {
    const start = performance.now();
    cb(t);
    if (window.__recording) window.__work.push(performance.now() - start);
  });
})()`;
const RECORD_FRAMES = `(() => {
  window.__frameTimes = [];
  window.__recording = true;
  let last = performance.now();
  const tick = (now) => {
    window.__frameTimes.push(now - last);
    last = now;
    if (window.__recording) window.__raf(tick);
  };
  window.__raf(tick);
})()`;

export default async function worldFps(): Promise<void> {
  const server = await serveHarness();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    // Density 1 at full width; a density-2 screen with the world in a 640 px panel (drawn at 1x) and at full
    // width (drawn at the highest density the world uses).
    for (const [density, width] of [
      [1, 1280],
      [2, 640],
      [2, 1280],
    ] as const) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: density,
      });
      const page = await context.newPage();
      await page.addInitScript(TIME_CALLBACKS);
      // Seed 6 with a wall below trust 40: the queue grows, the wall rises, the rules open, the run ends.
      await page.goto(server.url(`seed=6&wall=40&choices=template,resubmit,demo&width=${width}`));
      await page.waitForSelector("body[data-ready=true]");
      const canvas = await page.evaluate(
        "[document.querySelector('canvas').width, document.querySelector('canvas').height].join('x')",
      );
      console.log(`-- screen density ${density}, world ${width} CSS px wide, canvas ${canvas} --`);
      await measure(page);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measure(page: Page): Promise<void> {
  // Let the first frames (texture uploads, font layout) pass before measuring.
  await page.waitForTimeout(1000);
  await page.evaluate(RECORD_FRAMES);
  for (let i = 0; i < CHOICES; i++) {
    await page.getByRole("button", { name: "Make a choice" }).click();
    await page.waitForTimeout(GAP_MS);
  }
  const frames = (await page.evaluate(
    "(window.__recording = false, window.__frameTimes.slice(1))",
  )) as number[];
  const work = (await page.evaluate("window.__work")) as number[];
  const q = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  };
  const longest = Math.max(...frames);
  const seconds = frames.reduce((a, b) => a + b, 0) / 1000;
  console.log(`frames recorded: ${frames.length} over ${seconds.toFixed(1)} s, ${CHOICES} choices animating`);
  console.log(`median fps: ${(1000 / q(frames, 0.5)).toFixed(1)}`);
  console.log(`p95 frame time: ${q(frames, 0.95).toFixed(1)} ms`);
  console.log(
    `longest frame: ${longest.toFixed(1)} ms (target: none over 50 ms) ${longest <= 50 ? "OK" : "OVER"}`,
  );
  console.log(
    `frames over 50 ms: ${frames.filter((f) => f > 50).length}; over 33 ms: ${frames.filter((f) => f > 33).length}`,
  );
  console.log(
    `world's work per frame: median ${q(work, 0.5).toFixed(1)} ms, p95 ${q(work, 0.95).toFixed(1)} ms, longest ${Math.max(...work).toFixed(1)} ms`,
  );
  const [load] = os.loadavg();
  console.log(`machine load average (1 min): ${load?.toFixed(1)} on ${os.cpus().length} cores`);
}
