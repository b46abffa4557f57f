import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { openBrowser } from "./support/browser";

// The bundle budget (sizes, not timings): the scripts a learner's browser asks for before the first choice is
// on screen stay under 150 KB gzip, and Phaser is not among them (it loads after, for the world view).
let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Runs in the page before any script: notes when an enabled button first appears in the "Choices" region.
const WATCH_FIRST_CHOICE = `(() => {
  const check = () => {
    if (window.__firstChoiceAt !== undefined) return;
    const region = document.querySelector('[aria-label="Choices"]');
    const button = region && region.querySelector("button:not([disabled])");
    if (button) window.__firstChoiceAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})()`;

it("asks for under 150 KB gzip of JavaScript, and no Phaser, before the first choice is on screen", async () => {
  const { page } = browser;
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (!response.url().endsWith(".js")) return;
    bodies.set(
      response.url(),
      response.body().catch(() => Buffer.alloc(0)),
    );
  });
  await page.addInitScript(WATCH_FIRST_CHOICE);
  await page.goto(`${inject("baseURL")}#/play/sample-firewall-request?seed=1`);
  await page.waitForFunction("window.__firstChoiceAt !== undefined");
  await page.locator(".world canvas").waitFor();
  // Which scripts the page started fetching before the first choice appeared, by its own clock.
  const timings = (await page.evaluate(`(() => {
    const at = window.__firstChoiceAt;
    return performance.getEntriesByType("resource")
      .filter((e) => e.name.endsWith(".js"))
      .map((e) => ({ url: e.name, early: e.startTime < at }));
  })()`)) as { url: string; early: boolean }[];
  const sized = await Promise.all(
    timings.map(async (t) => ({ ...t, body: (await bodies.get(t.url)) ?? Buffer.alloc(0) })),
  );
  const before = sized.filter((s) => s.early);
  const after = sized.filter((s) => !s.early);

  expect(before.length).toBeGreaterThan(0);
  expect(before.every((s) => s.body.length > 0)).toBe(true);
  const gzip = before.reduce((sum, s) => sum + gzipSync(s.body).length, 0);
  expect(gzip).toBeLessThan(150 * 1024);
  expect(before.some((s) => s.body.includes("Phaser v"))).toBe(false);
  expect(after.some((s) => s.body.includes("Phaser v"))).toBe(true);
});
