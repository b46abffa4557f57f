// `npm run screenshots`: builds the app, serves it, and saves a PNG of each screen into docs/screenshots/.
// Drives the game by role and accessible name, like the end-to-end tests.
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { openBrowser } from "../test/e2e/support/browser";
import { serveBuiltApp } from "../test/e2e/support/built-app";

const OUT = new URL("../docs/screenshots/", import.meta.url);
const SAMPLE = "Sample: The Firewall Request";

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname, fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

async function choose(page: Page, label: string): Promise<void> {
  const n = Number((await page.getByText(/^Decision \d+$/).textContent())?.replace("Decision ", ""));
  await page.getByRole("region", { name: "Choices" }).getByRole("button").filter({ hasText: label }).click();
  await page
    .getByText(`Decision ${n + 1}`, { exact: true })
    .or(page.getByRole("button", { name: "Play again" }))
    .first()
    .waitFor();
}

mkdirSync(OUT, { recursive: true });
const app = await serveBuiltApp();
const base = app.base;
const browser = await openBrowser();
try {
  const { page } = browser;
  await page.goto(base);
  await page.getByRole("heading", { name: "Scenarios" }).waitFor();
  await shoot(page, "title", true);

  await page.getByRole("link", { name: `Play ${SAMPLE}` }).click();
  await page.getByRole("region", { name: "Choices" }).waitFor();
  await page
    .locator(".world canvas")
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(1500);
  await shoot(page, "play");

  await choose(page, "Escalate to the CIO");
  await page.waitForTimeout(1500);
  await shoot(page, "what-changed", true);

  await choose(page, "Demonstrate a deploy");
  await page.getByRole("img").first().waitFor();
  await page.waitForFunction(
    "[...document.querySelectorAll('canvas[role=img]')].every((c) => c.dataset.drawn)",
  );
  await shoot(page, "debrief", true);
  await page.emulateMedia({ media: "print" });
  await shoot(page, "debrief-print", true);
  await page.emulateMedia({ media: "screen" });

  // An interruption: play the template choice until the vendor's holiday strikes (a 20% chance each week).
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.goto(`${base}#/`);
    await page.goto(`${base}#/play/sample-firewall-request`);
    await page.getByRole("region", { name: "Choices" }).waitFor();
    await page
      .getByRole("region", { name: "Choices" })
      .getByRole("button")
      .filter({ hasText: "template" })
      .click();
    const interrupted = page.getByRole("button", { name: "Continue", exact: true });
    await interrupted
      .or(page.getByText("Decision 2", { exact: true }))
      .first()
      .waitFor();
    if (await interrupted.isVisible()) {
      await page.waitForTimeout(1000);
      await shoot(page, "event");
      break;
    }
  }

  // A phone-sized window: one column, the meters above the decision.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}#/`);
  await page.goto(`${base}#/play/sample-firewall-request`);
  await page.getByRole("region", { name: "Choices" }).waitFor();
  await shoot(page, "play-narrow");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto(`${base}#/play/no-such-scenario`);
  await page.getByRole("heading", { name: "Not found" }).waitFor();
  await shoot(page, "not-found");

  await page.goto(base);
  await page.getByRole("combobox", { name: "Text size" }).selectOption("larger");
  await page.getByRole("heading", { name: "Continue a saved run" }).waitFor();
  await shoot(page, "title-larger-text");
  await page.getByRole("combobox", { name: "Text size" }).selectOption("normal");
} finally {
  await browser.close();
  await app.close();
}
