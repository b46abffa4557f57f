// The Phaser world in real Chromium: mounted on a harness page over the sample scenario, it draws a canvas and
// follows the run through the aria-label of its role="img" container.
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { type HarnessServer, serveHarness } from "./harness/serve";
import { openBrowser } from "./support/browser";

let server: HarnessServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveHarness();
  browser = await openBrowser();
  browser.page.on("pageerror", (e) => errors.push(e.message));
});
afterEach(async () => {
  // A Phaser game left running slows the next test down: remove the world after each.
  const remove = browser.page.getByRole("button", { name: "Remove the world" });
  if (await remove.count()) await remove.click();
  expect(errors).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query: string): Promise<Page> {
  const { page } = browser;
  await page.goto(server.url(query));
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

function world(page: Page) {
  return page.getByRole("img", { name: /^The organisation/ });
}

/** How many distinct colours a sample of the canvas holds (a blank canvas has one). */
function canvasColours(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector("canvas")!;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97)
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
}

/** A fingerprint of the whole canvas, to tell whether anything on it moved. */
function canvasPrint(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector("canvas")!.toDataURL());
}

function nextFrames(page: Page, n: number): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

it("draws the organisation and describes it: the firewall request waits at the vendor", async () => {
  const page = await open("seed=1");
  const label = await world(page).getAttribute("aria-label");
  expect(label).toContain("Product team, DevOps team, Firewall vendor and The business");
  expect(label).toContain("Firewall request just arrived at Firewall vendor");
  expect(label).toContain("trust 40 of 100");
  await nextFrames(page, 3);
  expect(await canvasColours(page)).toBeGreaterThan(20);
  const box = await page.locator("canvas").boundingBox();
  expect(box!.width / box!.height).toBeCloseTo(16 / 9, 1);
});

it("follows the run: after escalating, the queue is gone, trust fell and the DevOps silo stands", async () => {
  const page = await open("seed=1&wall=35&choices=escalate");
  await expect(world(page).getAttribute("aria-label")).resolves.not.toContain("walled off");
  await page.getByRole("button", { name: "Make a choice" }).click();
  const label = await world(page).getAttribute("aria-label");
  expect(label).toContain("The organisation at week 3");
  expect(label).not.toContain("Firewall request");
  expect(label).toContain("trust 29 of 100, people look unhappy");
  expect(label).toContain("DevOps team walled off (Silo)");
});

it("takes a second choice in the middle of an animation and ends on the latest state", async () => {
  const page = await open("seed=1&choices=escalate,demo");
  const choose = page.getByRole("button", { name: "Make a choice" });
  await choose.click();
  await nextFrames(page, 10);
  await choose.click();
  const label = await world(page).getAttribute("aria-label");
  expect(label).toContain("The organisation at week 4");
  expect(label).toContain("the run has ended");
  // Let both animations play out; a page error would fail the test in afterEach.
  await nextFrames(page, 150);
  expect(await canvasColours(page)).toBeGreaterThan(20);
});

it("counts the weeks a request waits while the rules are lost in translation", async () => {
  // Seed 6 makes the vendor get the rules wrong, so the request is still waiting after two weeks.
  const page = await open("seed=6&choices=template");
  await page.getByRole("button", { name: "Make a choice" }).click();
  await expect(page.locator("#status").textContent()).resolves.toContain("lost-in-translation");
  await expect(world(page).getAttribute("aria-label")).resolves.toContain(
    "Firewall request waiting 2 weeks at Firewall vendor",
  );
});

it("with reduced motion nothing moves on its own, and a choice changes the picture at once", async () => {
  const page = await open("seed=1&reduced=1&choices=sit-together");
  await nextFrames(page, 3);
  const still = await canvasPrint(page);
  await nextFrames(page, 20);
  expect(await canvasPrint(page)).toBe(still);
  await page.getByRole("button", { name: "Make a choice" }).click();
  await nextFrames(page, 3);
  expect(await canvasPrint(page)).not.toBe(still);
});

it("animates without reduced motion: the pipeline keeps moving", async () => {
  const page = await open("seed=1");
  await nextFrames(page, 3);
  const before = await canvasPrint(page);
  await nextFrames(page, 20);
  expect(await canvasPrint(page)).not.toBe(before);
});

it("draws the default organisation when the scenario has no world block", async () => {
  const page = await open("world=none");
  const label = await world(page).getAttribute("aria-label");
  expect(label).toContain(
    "Product team, DevOps team, Security, Change control, The business and Outsourced vendor",
  );
  await nextFrames(page, 3);
  expect(await canvasColours(page)).toBeGreaterThan(20);
});

it("frees the canvas and every subscription when destroyed", async () => {
  const page = await open("seed=1");
  await page.getByRole("button", { name: "Remove the world" }).click();
  await expect(page.locator("canvas").count()).resolves.toBe(0);
  await expect(page.getByRole("img").count()).resolves.toBe(0);
  await expect(page.locator("#status").textContent()).resolves.toBe("World removed; 0 listeners left");
});
