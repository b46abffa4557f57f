import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openApp, SAMPLE_TITLE } from "./support/app";
import { openBrowser } from "./support/browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

describe("offline after one visit", () => {
  it("loads the title screen, the workshop and its lazily loaded charts with no network", async () => {
    const { page, context } = browser;
    await openApp(page);
    // The service worker has installed (precaching every built asset) and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          if (navigator.serviceWorker.controller) resolve();
          else navigator.serviceWorker.addEventListener("controllerchange", () => resolve());
        }),
    );

    await context.setOffline(true);
    await expect(
      page.evaluate(() =>
        fetch("https://example.com/").then(
          () => "online",
          () => "offline",
        ),
      ),
    ).resolves.toBe("offline");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Change Is Hard" }).waitFor();
    await page.getByRole("link", { name: `Play ${SAMPLE_TITLE}` }).waitFor();

    await page.getByRole("link", { name: "Run a workshop" }).click();
    await page.getByRole("heading", { level: 1, name: "Workshops" }).waitFor();
    await page.getByRole("textbox", { name: "Workshop name" }).fill("Offline room");
    await page.getByRole("button", { name: "Create workshop" }).click();
    await page.getByRole("heading", { level: 1, name: "Offline room" }).waitFor();
    await page.getByRole("button", { name: "Start round 1" }).click();
    // The comparison charts come from a chunk of their own, fetched only now: from the cache.
    await page.locator("canvas[data-drawn='true']").first().waitFor();
  });
});
