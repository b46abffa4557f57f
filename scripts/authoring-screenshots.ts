// `npx tsx scripts/authoring-screenshots.ts`: builds the app, serves it, and saves PNGs of the Author screens
// into docs/screenshots/ (author-*.png) for docs/authoring.md. Drives the screens by role and accessible name.
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { openBrowser } from "../test/e2e/support/browser";
import { serveBuiltApp } from "../test/e2e/support/built-app";

const OUT = new URL("../docs/screenshots/", import.meta.url);
const TWINE = new URL("../test/fixtures/twine/harlowe-mappings.twee", import.meta.url);
const BIG = new URL("../scenarios/a-false-start.yaml", import.meta.url);

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname, fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

async function importFile(page: Page, base: string, path: string): Promise<void> {
  await page.goto(`${base}#/author`);
  await page.getByRole("heading", { level: 1, name: "Your scenarios" }).waitFor();
  await page.getByLabel("Import a YAML, Twee or Twine HTML file").setInputFiles(path);
  await page.getByRole("heading", { name: "Scenario file" }).waitFor();
}

mkdirSync(OUT, { recursive: true });
const app = await serveBuiltApp();
const base = app.base;
const browser = await openBrowser();
try {
  const { page } = browser;
  await page.setViewportSize({ width: 1400, height: 900 });

  // A scenario from the template, with a typo in a flow.
  await page.goto(`${base}#/author`);
  await page.getByRole("textbox", { name: "Name of the new scenario" }).fill("Pilot Team Story");
  await page.getByRole("button", { name: "Create from the template" }).click();
  await page.getByText("No problems: the scenario is valid.").waitFor();
  await page
    .getByRole("textbox", { name: "Scenario YAML" })
    .locator(".cm-line")
    .filter({ hasText: "trust: (velocity - 2) * 0.5" })
    .click();
  await page.keyboard.press("End");
  await page.keyboard.type(" + trsut");
  await page.getByRole("button", { name: /^Line \d+, column \d+: error: unknown metric "trsut"/ }).waitFor();
  await page.keyboard.press("Escape");
  await shoot(page, "author-error");
  for (let i = 0; i < " + trsut".length; i++) await page.keyboard.press("Backspace");
  await page.getByText("No problems: the scenario is valid.").waitFor();

  // Play-test from the middle.
  await page.getByRole("tab", { name: "Play-test" }).click();
  await page.getByRole("combobox", { name: "Start at node" }).selectOption("the-plan");
  await page.getByRole("spinbutton", { name: "Trust" }).fill("12");
  await page.getByRole("checkbox", { name: /A senior sponsor/ }).check();
  await page.getByRole("button", { name: "Start play-test" }).click();
  await page.getByRole("button", { name: "Change every team at once" }).click();
  await page.getByRole("table", { name: "Week by week" }).waitFor();
  await shoot(page, "author-play-test", true);

  // The balance report.
  await page.getByRole("tab", { name: "Balance report" }).click();
  await page.getByRole("button", { name: "Run the balance report" }).click();
  await page.getByRole("status").filter({ hasText: "Report ready" }).waitFor();
  await page.waitForFunction("document.querySelector('.report-chart canvas')?.dataset.drawn === 'true'");
  await shoot(page, "author-report", true);

  // A larger scenario's graph.
  await importFile(page, base, BIG.pathname);
  await page.getByRole("group", { name: "Scenario graph" }).waitFor();
  await shoot(page, "author-graph");

  // A 120-node scenario, scrolled to its middle.
  const steps = Array.from({ length: 120 }, (_, i) => {
    const next = i + 1 < 120 ? `step-${i + 1}` : "done";
    const skip = i + 5 < 120 ? `step-${i + 5}` : "done";
    return `  step-${i}:\n    title: Step ${i} of the long engagement\n    text: t\n    choices:\n      - { id: on, label: Carry on, goto: ${next} }\n      - { id: gamble, label: Take a chance, outcomes: [{ chance: 0.25, goto: ${skip} }, { goto: ${next} }] }`;
  });
  const long = `format: 1\nid: long-engagement\ntitle: A long engagement\nsummary: Many steps.\nminutes: 60\nobjectives: [Persist]\nmetrics:\n  trust: { label: Trust, start: 50, min: 0, max: 100 }\nstart: step-0\nnodes:\n${steps.join("\n")}\nendings:\n  done: { title: Done at last, rating: 3 }\n`;
  await page.goto(`${base}#/author`);
  await page.getByRole("heading", { level: 1, name: "Your scenarios" }).waitFor();
  await page
    .getByLabel("Import a YAML, Twee or Twine HTML file")
    .setInputFiles({ name: "long.yaml", mimeType: "text/yaml", buffer: Buffer.from(long) });
  const big = page.getByRole("group", { name: "Scenario graph" });
  await big.getByRole("button", { name: "Node Step 60 of the long engagement, 2 choices" }).click();
  await shoot(page, "author-graph-large");

  // A Twine story imported, with its warnings.
  await importFile(page, base, TWINE.pathname);
  await page.getByRole("heading", { name: "Import warnings" }).waitFor();
  await shoot(page, "author-twine-import");

  // The library with what was made above.
  await page.goto(`${base}#/author`);
  await page.getByRole("link", { name: "Pilot Team Story" }).waitFor();
  await shoot(page, "author-library");
} finally {
  await browser.close();
  await app.close();
}
