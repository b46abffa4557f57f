// `npx tsx test/e2e/harness/screenshot.ts [query] [clicks] [out] [wait ms]`: saves docs/screenshots/world.png of the world at a
// mid-run state (by default: the sample with a silo wall, after one choice, with the firewall request waiting).
import { mkdirSync } from "node:fs";
import { openBrowser } from "../support/browser";
import { serveHarness } from "./serve";

const query = process.argv[2] ?? "wall=40&seed=6&choices=template&reduced=1";
const clicks = Number(process.argv[3] ?? 1);
const out = process.argv[4] ?? "docs/screenshots/world.png";
const wait = Number(process.argv[5] ?? (query.includes("reduced=1") ? 300 : 4000));
const server = await serveHarness();
const browser = await openBrowser();
try {
  const { page } = browser;
  page.on("console", (m) => console.log(`[page] ${m.text()}`));
  page.on("pageerror", (e) => console.log(`[page error] ${e.message}`));
  await page.goto(server.url(query));
  await page.waitForSelector("body[data-ready=true]");
  for (let i = 0; i < clicks; i++) await page.getByRole("button", { name: "Make a choice" }).click();
  await page.waitForTimeout(wait);
  mkdirSync("docs/screenshots", { recursive: true });
  await page.locator("#world").screenshot({ path: out });
  console.log(await page.getByRole("img").getAttribute("aria-label"));
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.close();
}
