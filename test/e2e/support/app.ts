// Helpers that drive the game as a player would: by role and accessible name only.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Locator, Page } from "playwright-core";
import { inject } from "vitest";
import { loadScenario, type Scenario } from "../../../src/engine/index";

/** The scenarios the app bundles, loaded with the engine so tests can name them by title. */
export function bundledScenarios(): Scenario[] {
  const dir = new URL("../../../scenarios/", import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => {
      const result = loadScenario(f, readFileSync(new URL(f, dir), "utf8"));
      return result.ok ? [result.scenario] : [];
    });
}

/** The sample scenario's title: the one scenario every test can rely on. */
export const SAMPLE_TITLE = "Sample: The Firewall Request";

/** Opens the app at an address (`#/play/x` etc.) and waits for its first screen. */
export async function openApp(page: Page, hash = ""): Promise<void> {
  await page.goto(`${inject("baseURL")}${hash}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.getByText("Loading…").waitFor({ state: "detached" });
}

/** Starts a new run of the scenario with this title from the title screen. */
export async function startScenario(page: Page, title: string): Promise<void> {
  await page.getByRole("link", { name: `Play ${title}` }).click();
  await choicesRegion(page).waitFor();
}

/** The choices of the decision on screen. */
export function choicesRegion(page: Page): Locator {
  return page.getByRole("region", { name: "Choices" });
}

/** The node title on screen (the second-level heading that opens the decision). */
export function nodeHeading(page: Page): Locator {
  return page.locator("#node-heading");
}

/** What is on screen now: a decision, an interruption to acknowledge, or the debrief. */
export async function phase(page: Page): Promise<"decision" | "event" | "ending"> {
  const decision = choicesRegion(page);
  const event = page.getByRole("button", { name: "Continue", exact: true });
  const ending = page.getByRole("button", { name: "Play again" });
  await decision.or(event).or(ending).first().waitFor();
  if (await ending.isVisible()) return "ending";
  if (await event.isVisible()) return "event";
  return "decision";
}

/** The number of the decision on screen ("Decision 3"), or null when none is. */
export async function decisionNumber(page: Page): Promise<number | null> {
  const label = page.getByText(/^Decision \d+$/);
  if ((await label.count()) === 0) return null;
  return Number((await label.textContent())?.replace("Decision ", ""));
}

/** Picks a choice (the first available, or the one whose label contains `label`) and waits for its result. */
export async function makeChoice(page: Page, label?: string): Promise<void> {
  while ((await phase(page)) === "event") {
    await page.getByRole("button", { name: "Continue", exact: true }).click();
  }
  const buttons = choicesRegion(page).getByRole("button");
  const target = label ? buttons.filter({ hasText: label }) : buttons.and(page.locator(":enabled")).first();
  const n = await decisionNumber(page);
  await target.click();
  await afterDecision(page, n!);
}

/** Waits until decision `n` has been made: the next decision, an interruption or the debrief is showing. */
export async function afterDecision(page: Page, n: number): Promise<void> {
  await page
    .getByText(`Decision ${n + 1}`, { exact: true })
    .or(page.getByRole("button", { name: "Continue", exact: true }))
    .or(page.getByRole("button", { name: "Play again" }))
    .first()
    .waitFor();
}

/** Waits until the run on screen has been written to storage (the header says "Saved"), e.g. before a reload. */
export async function untilSaved(page: Page): Promise<void> {
  await page.getByText("Saved", { exact: true }).waitFor();
}

/** Plays on, always picking the first available choice, until the debrief shows. Returns the decisions made. */
export async function playToEnding(page: Page): Promise<number> {
  let decisions = 0;
  for (let steps = 0; steps < 400; steps++) {
    const now = await phase(page);
    if (now === "ending") return decisions;
    if (now === "event") {
      await page.getByRole("button", { name: "Continue", exact: true }).click();
      continue;
    }
    await makeChoice(page);
    decisions++;
  }
  throw new Error("no ending after 400 steps");
}

const require = createRequire(import.meta.url);

/** Runs axe-core on the page and returns its serious and critical violations (empty when the screen passes). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  return violations;
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}
