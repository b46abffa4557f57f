// `npx tsx scripts/workshop-screenshots.ts`: builds the app, serves it, runs a
// three-team workshop of the sample scenario and saves a PNG of each workshop screen into docs/screenshots/.
// Drives the screens by role and accessible name, like the end-to-end tests.
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { openBrowser } from "../test/e2e/support/browser";
import { serveBuiltApp } from "../test/e2e/support/built-app";

const OUT = new URL("../docs/screenshots/", import.meta.url);
const SAMPLE = "Sample: The Firewall Request";

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForFunction(
    "[...document.querySelectorAll('canvas[role=img]')].every((c) => c.dataset.drawn)",
  );
  await page.waitForTimeout(500);
  await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname, fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

async function enter(page: Page, team: string, which: "first" | "last" | RegExp): Promise<void> {
  const group = page.getByRole("group", { name: team, exact: true });
  const radios = group.getByRole("radio").and(page.locator(":enabled"));
  const radio =
    which === "first"
      ? radios.first()
      : which === "last"
        ? radios.last()
        : group.getByRole("radio", { name: which });
  await radio.check();
  await page.getByRole("button", { name: `Enter choice for ${team}` }).click();
  await group.getByText(/^Entered: /).waitFor();
}

mkdirSync(OUT, { recursive: true });
const app = await serveBuiltApp();
const base = app.base;
const browser = await openBrowser();
try {
  const { page, context } = browser;
  await page.goto(`${base}#/workshop`);
  await page.getByRole("heading", { name: "New workshop" }).waitFor();
  await page
    .getByRole("combobox", { name: "Scenario" })
    .selectOption({ label: `${SAMPLE} (about 5 minutes)` });
  await page.getByRole("textbox", { name: "Workshop name" }).fill("Platform leads, Tuesday");
  await page.getByRole("spinbutton", { name: /Decision timer/ }).fill("240");
  await shoot(page, "workshop-setup", true);

  await page.getByRole("button", { name: "Create workshop" }).click();
  await page.getByRole("button", { name: "Start round 1" }).waitFor();
  const [projector] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("button", { name: "Open projector view" }).click(),
  ]);
  await projector.setViewportSize({ width: 1600, height: 900 });
  await page.bringToFront();
  await page.getByRole("button", { name: "Start round 1" }).click();
  await enter(page, "Red", /template format/);
  await enter(page, "Blue", /Sit with the admin/);
  await shoot(page, "workshop-console", true);
  await projector.getByText(/^Chosen: Red, Blue/).waitFor();
  await shoot(projector, "workshop-projector");

  await enter(page, "Green", /Escalate to the CIO/);
  await page.getByRole("button", { name: "Close round" }).click();
  await page.getByRole("status").filter({ hasText: "Round 1 closed" }).waitFor();
  await shoot(page, "workshop-console-round-2", true);
  await projector.getByText("Round 2", { exact: true }).waitFor();
  await shoot(projector, "workshop-projector-round-2", true);

  for (let round = 2; round < 12; round++) {
    if (await page.getByRole("heading", { name: "Endings reached" }).isVisible()) break;
    for (const team of ["Red", "Blue", "Green"]) {
      if (await page.getByRole("group", { name: team, exact: true }).isVisible()) {
        await enter(page, team, team === "Blue" ? "first" : "last");
      }
    }
    await page.getByRole("button", { name: "Close round" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Round ${round} closed` })
      .waitFor();
  }
  await page.getByRole("heading", { name: "Endings reached" }).waitFor();
  await shoot(page, "workshop-debrief", true);
  await page.emulateMedia({ media: "print" });
  await shoot(page, "workshop-debrief-print", true);
  await page.emulateMedia({ media: "screen" });
  await projector.getByRole("heading", { name: "Endings reached" }).waitFor();
  await shoot(projector, "workshop-projector-debrief");
} finally {
  await browser.close();
  await app.close();
}
