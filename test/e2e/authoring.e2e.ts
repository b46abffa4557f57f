import { existsSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { newScenarioTemplate } from "../../src/app/authoring/template";
import { importTwine } from "../../src/authoring/twine/index";
import { loadScenario } from "../../src/engine/index";
import { choicesRegion, nodeHeading, SAMPLE_TITLE, seriousAxeViolations } from "./support/app";
import { openBrowser } from "./support/browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

const NAME = "Pilot Team Story";
const SCENARIO_ID = "pilot-team-story";
const template = newScenarioTemplate(SCENARIO_ID, NAME);
const lines = template.split("\n");
/** The 1-based line of the first line of the template that starts with `prefix`. */
const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;

async function openAuthor(page: Page, hash = "#/author"): Promise<void> {
  await page.goto(`${inject("baseURL")}${hash}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}

/** The editor's text box (CodeMirror's contenteditable). */
const editorBox = (page: Page) => page.getByRole("textbox", { name: "Scenario YAML" });

/** Puts the cursor at the end of a line (1-based) of the editor: pages down to it, clicks its text, then End. */
async function cursorToEndOfLine(page: Page, line: number): Promise<void> {
  const text = lines[line - 1]!;
  const target = editorBox(page).locator(".cm-line").filter({ hasText: text.trim() }).first();
  // CodeMirror draws only the lines near the view.
  await editorBox(page).click();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < 20 && (await target.count()) === 0; i++) await page.keyboard.press("PageDown");
  await target.click();
  await page.keyboard.press("End");
  await expect(page.locator(".cm-activeLine").textContent()).resolves.toBe(text);
}

async function createFromTemplate(page: Page): Promise<void> {
  await openAuthor(page);
  await page.getByRole("textbox", { name: "Name of the new scenario" }).fill(NAME);
  await page.getByRole("button", { name: "Create from the template" }).click();
  await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
  await page.getByText("No problems: the scenario is valid.").waitFor();
}

describe("writing a scenario in the browser", () => {
  it("creates from the template, shows an error at its line, graphs, play-tests, publishes, and keeps it all", async () => {
    const { page } = browser;
    await openAuthor(page);
    await page.getByRole("heading", { level: 1, name: "Your scenarios" }).waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await createFromTemplate(page);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    // An unknown metric in a flow: the engine says where, and so must the editor.
    const flowLine = lineOf("  trust: (velocity - 2) * 0.5");
    const broken = lines.map((l, i) => (i === flowLine - 1 ? `${l} + trsut` : l)).join("\n");
    const expected = loadScenario("x.yaml", broken).diagnostics.find((d) => d.severity === "error")!;
    expect(expected.line).toBe(flowLine);
    await cursorToEndOfLine(page, flowLine);
    await page.keyboard.type(" + trsut");
    const problem = page.getByRole("button", {
      name: `Line ${expected.line}, column ${expected.column}: error: ${expected.message}`,
    });
    await problem.waitFor();
    await expect(page.getByRole("button", { name: "Publish" }).isDisabled()).resolves.toBe(true);
    await page
      .getByText(new RegExp(`^Cannot publish yet: .* at line ${expected.line}, column ${expected.column}: `))
      .waitFor();
    // CodeMirror marks the same place in the text.
    await expect(page.locator(".cm-lintRange-error").first().textContent()).resolves.toBe("trsut");

    // Fix it.
    for (let i = 0; i < " + trsut".length; i++) await page.keyboard.press("Backspace");
    await page.getByText("No problems: the scenario is valid.").waitFor();
    await expect(problem.count()).resolves.toBe(0);
    // A real change, saved as the author types (the template's text becomes a version).
    await cursorToEndOfLine(page, lineOf("summary:"));
    await page.keyboard.type(" A pilot in one team.");
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved / })
      .waitFor();

    // The graph: every node and ending, and a node moves the editor to its line.
    const graph = page.getByRole("group", { name: "Scenario graph" });
    await graph.getByRole("button", { name: "Node The first meeting, 2 choices, start" }).waitFor();
    await graph.getByRole("button", { name: "Ending Releases every week" }).waitFor();
    // One tab stop: arrow keys move from box to box, Enter jumps to the node.
    await graph.getByRole("button", { name: "Node The first meeting, 2 choices, start" }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.locator(".cm-activeLine").textContent()).resolves.toBe(
      lines[lineOf("  the-plan:") - 1],
    );
    await graph.getByRole("button", { name: "Node The review, 2 choices" }).click();
    await expect(page.locator(".cm-activeLine").textContent()).resolves.toBe(
      lines[lineOf("  the-review:") - 1],
    );

    // Play-test from the middle with a changed metric and a flag the start would not have.
    await page.getByRole("tab", { name: "Play-test" }).click();
    await page.getByRole("combobox", { name: "Start at node" }).selectOption("the-plan");
    await page.getByRole("spinbutton", { name: "Trust" }).fill("12");
    await page.getByRole("checkbox", { name: /A senior sponsor backs the change/ }).check();
    await page.getByRole("button", { name: "Start play-test" }).click();
    const metrics = page.getByRole("table", { name: "Every metric at week 0" });
    await metrics.getByRole("row", { name: "Trust 12" }).waitFor();
    await page.getByRole("button", { name: "Change every team at once" }).click();
    const causes = page.getByRole("table", { name: /What “Change every team at once” changed over 6 weeks/ });
    await causes.getByRole("row", { name: "Choice big-bang Budget −40" }).waitFor();
    await causes.getByRole("row", { name: "Choice big-bang Velocity +1" }).waitFor();
    // The weekly flows: −5 k£ a week for 6 weeks, summed by the engine, then shown week by week.
    await causes.getByRole("row", { name: "Weekly flows Budget −30" }).waitFor();
    const weeks = page.getByRole("table", { name: "Week by week" });
    await weeks.waitFor();
    await expect(weeks.getByRole("row").count()).resolves.toBe(1 + 7);
    // Each week's row says what applied in it: here the weekly flows, one week at a time.
    await weeks.getByRole("row", { name: "1 12 55 k£ 2.0 deploys/month Weekly flows: Budget −5" }).waitFor();
    await weeks.getByRole("row", { name: "6 12 30 k£ 2.0 deploys/month Weekly flows: Budget −5" }).waitFor();
    await page.getByRole("heading", { name: "At: The review" }).waitFor();
    // Trust 12 is below the 40 "Ask for more" needs.
    await expect(
      page.getByRole("button", { name: "Ask for more time and money" }).isDisabled(),
    ).resolves.toBe(true);

    // The balance report.
    await page.getByRole("tab", { name: "Balance report" }).click();
    await page.getByRole("button", { name: "Run the balance report" }).click();
    await page.getByRole("status").filter({ hasText: "Report ready: 2,000 runs." }).waitFor();
    const endings = page.getByRole("table", { name: "Ending distribution" });
    await endings.getByRole("rowheader", { name: "Releases every week" }).waitFor();
    await endings.getByRole("rowheader", { name: "The change stalled" }).waitFor();
    await page.getByRole("img", { name: /^Ending distribution: / }).waitFor();
    // Every metric's spread is drawn too, described for screen readers.
    await page.getByRole("img", { name: /^Budget: runs ended between .* median / }).waitFor();
    await page.getByRole("img", { name: /^Trust: runs ended between / }).waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    // Publish, then play it from the picker.
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText(`Published: “${NAME}” is now in the scenario picker.`).waitFor();
    await page.goto(`${inject("baseURL")}#/`);
    await page.getByRole("link", { name: `Play ${NAME}` }).click();
    await choicesRegion(page).waitFor();
    await expect(nodeHeading(page).textContent()).resolves.toBe("The first meeting");
    await choicesRegion(page)
      .getByRole("button", { name: /Find a senior sponsor first/ })
      .click();
    await page.getByRole("heading", { level: 2, name: "The plan" }).waitFor();

    // Reload: the library, the text and the published scenario are all still there.
    await page.goto(`${inject("baseURL")}#/author`);
    await page.getByRole("heading", { level: 1, name: "Your scenarios" }).waitFor();
    await page.reload();
    const published = page.getByRole("list", { name: "Published" });
    await published.getByRole("link", { name: `Play ${NAME}` }).waitFor();
    await page.getByRole("link", { name: NAME, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await expect(editorBox(page).textContent()).resolves.toContain("A pilot in one team.");
    await page.getByRole("tab", { name: "Versions" }).click();
    await page.getByRole("list", { name: "Versions" }).getByRole("listitem").first().waitFor();
    await expect(page.getByRole("list", { name: "Versions" }).getByRole("listitem").count()).resolves.toBe(1);
    await page.goto(`${inject("baseURL")}#/`);
    await page.getByRole("heading", { level: 1, name: "Change Is Hard" }).waitFor();
    await page.reload();
    await page.getByRole("link", { name: `Play ${NAME}` }).waitFor();
    await page.getByText(/A pilot in one team\./).waitFor();
    // The run played above was saved, and replays against the published scenario.
    await page
      .getByRole("list", { name: "Saved runs" })
      .getByRole("link", { name: new RegExp(`^Continue ${NAME}`) })
      .click();
    await page.getByRole("heading", { level: 2, name: "The plan" }).waitFor();

    // Unpublished: gone from the picker, still in the library.
    await page.goto(`${inject("baseURL")}#/author`);
    await page.getByRole("button", { name: `Unpublish ${NAME}` }).click();
    await page.getByText(`“${NAME}” is no longer in the scenario picker.`, { exact: false }).waitFor();
    await page.getByRole("link", { name: NAME, exact: true }).waitFor();
    await page.goto(`${inject("baseURL")}#/`);
    await page.getByRole("heading", { level: 1, name: "Change Is Hard" }).waitFor();
    await page.getByRole("link", { name: `Play ${SAMPLE_TITLE}` }).waitFor();
    await expect(page.getByRole("link", { name: `Play ${NAME}` }).count()).resolves.toBe(0);
  });

  it("completes node names after start:, and the graph marks what the change leaves unreachable", async () => {
    const { page } = browser;
    await createFromTemplate(page);
    await cursorToEndOfLine(page, lineOf("start: "));
    for (let i = 0; i < "first-meeting".length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("the-");
    const completions = page.getByRole("listbox");
    await completions.getByRole("option").filter({ hasText: "the-plan" }).waitFor();
    await expect(completions.getByRole("option").filter({ hasText: "the-review" }).count()).resolves.toBe(1);
    await expect(completions.getByRole("option").filter({ hasText: "first-meeting" }).count()).resolves.toBe(
      0,
    );
    await page.keyboard.press("Enter");
    await expect(page.locator(".cm-activeLine").textContent()).resolves.toBe("start: the-plan");
    const graph = page.getByRole("group", { name: "Scenario graph" });
    await graph.getByRole("button", { name: "Node The first meeting, 2 choices, unreachable" }).waitFor();
    await graph.getByRole("button", { name: "Node The plan, 2 choices, start" }).waitFor();
    await page
      .getByRole("button", {
        name: /^Line \d+, column \d+: warning: node "first-meeting" cannot be reached from start$/,
      })
      .waitFor();
  });

  it("keeps a running play-test going while the author types, and says the text has changed", async () => {
    const { page } = browser;
    await createFromTemplate(page);
    await page.getByRole("tab", { name: "Play-test" }).click();
    await page.getByRole("button", { name: "Start play-test" }).click();
    await page.getByRole("button", { name: "Find a senior sponsor first" }).click();
    await page.getByRole("heading", { name: "At: The plan" }).waitFor();
    await cursorToEndOfLine(page, lineOf("summary:"));
    await page.keyboard.type(" More.");
    await page.getByText("The scenario has changed since this play-test started", { exact: false }).waitFor();
    await page.getByRole("heading", { name: "At: The plan" }).waitFor();
    await page.getByRole("button", { name: "Change every team at once" }).click();
    await page.getByRole("heading", { name: "At: The review" }).waitFor();
  });

  it("refuses to publish over a scenario that comes with the game, and says why", async () => {
    const { page } = browser;
    await createFromTemplate(page);
    await cursorToEndOfLine(page, lineOf("id: "));
    for (let i = 0; i < SCENARIO_ID.length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("sample-firewall-request");
    await page
      .getByText(
        /Cannot publish yet: The id "sample-firewall-request" belongs to a scenario that comes with the game/,
      )
      .waitFor();
    await expect(page.getByRole("button", { name: "Publish" }).isDisabled()).resolves.toBe(true);
  });

  it("keeps typed text through a reload and restores an earlier version", async () => {
    const { page } = browser;
    await createFromTemplate(page);
    await cursorToEndOfLine(page, lineOf("summary:"));
    await page.keyboard.type(" Kept through a reload.");
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved / })
      .waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await expect(editorBox(page).textContent()).resolves.toContain("Kept through a reload.");
    // Typing that the autosave has not reached yet survives a reload too.
    await cursorToEndOfLine(page, lineOf("minutes:"));
    await page.keyboard.type("5");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await expect(editorBox(page).textContent()).resolves.toContain("minutes: 105");
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved / })
      .waitFor();
    await page.getByRole("tab", { name: "Versions" }).click();
    await page.getByRole("list", { name: "Versions" }).waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await page
      .getByRole("button", { name: /^Restore the version of .* \(autosave\)$/ })
      .first()
      .click();
    await expect.poll(() => editorBox(page).textContent()).not.toContain("Kept through a reload.");
    // The text that was replaced is kept as a version in turn.
    await page.getByRole("button", { name: /before restoring an earlier version/ }).waitFor();
  });

  it("keeps both texts when two tabs edit the same scenario, and says so", async () => {
    const { page, context } = browser;
    await createFromTemplate(page);
    const url = page.url();
    const second = await context.newPage();
    await second.goto(url);
    await second.getByRole("heading", { level: 1, name: NAME }).waitFor();
    await cursorToEndOfLine(second, lineOf("summary:"));
    await second.keyboard.type(" Second tab.");
    await second
      .getByRole("status")
      .filter({ hasText: /^Saved / })
      .waitFor();
    // The first tab had no unsaved typing: it follows the other tab's text and says so.
    await page
      .getByText("This scenario was changed in another tab; the editor now shows that text.")
      .waitFor();
    await expect(editorBox(page).textContent()).resolves.toContain("Second tab.");
    await second.close();
  });
});

describe("a large scenario", () => {
  it("graphs 120 nodes, each reachable by role and name, and jumps the editor to a node far down", async () => {
    const { page } = browser;
    const count = 120;
    const nodes = Array.from({ length: count }, (_, i) => {
      const next = i + 1 < count ? `step-${i + 1}` : "done";
      const skip = i + 5 < count ? `step-${i + 5}` : "done";
      return [
        `  step-${i}:`,
        `    title: Step ${i} of the long engagement`,
        "    text: Another week, another meeting.",
        "    choices:",
        `      - { id: on, label: Carry on, goto: ${next} }`,
        `      - { id: gamble, label: Take a chance, outcomes: [{ chance: 0.25, goto: ${skip} }, { goto: ${next} }] }`,
      ].join("\n");
    });
    const yaml = [
      "format: 1",
      "id: long-engagement",
      "title: A long engagement",
      "summary: Many steps.",
      "minutes: 60",
      "objectives: [Persist]",
      "metrics:",
      "  trust: { label: Trust, start: 50, min: 0, max: 100 }",
      "start: step-0",
      "nodes:",
      ...nodes,
      "endings:",
      "  done: { title: Done at last, rating: 3 }",
      "",
    ].join("\n");
    expect(loadScenario("long.yaml", yaml).diagnostics).toEqual([]);
    await openAuthor(page);
    await page.getByLabel("Import a YAML, Twee or Twine HTML file").setInputFiles({
      name: "long.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(yaml),
    });
    await page.getByRole("heading", { level: 1, name: "A long engagement" }).waitFor();
    const graph = page.getByRole("group", { name: "Scenario graph" });
    await graph.getByRole("button", { name: "Ending Done at last" }).waitFor();
    await expect(
      graph.getByRole("button", { name: /^Node Step \d+ of the long engagement, 2 choices/ }).count(),
    ).resolves.toBe(count);
    await graph.getByRole("button", { name: "Node Step 110 of the long engagement, 2 choices" }).click();
    await expect(page.locator(".cm-activeLine").textContent()).resolves.toBe("  step-110:");
  });
});

describe("importing", () => {
  const example = new URL(
    "../../../shared/twine/examples/cookbook__harlowe_lockandkey_variable_example.html",
    import.meta.url,
  );
  const fallback = new URL("../fixtures/twine/harlowe-mappings.twee", import.meta.url);
  const file = existsSync(example) ? example : fallback;
  const name = file.pathname.split("/").pop()!;
  const imported = importTwine(readFileSync(file, "utf8"), { fileName: name });

  it("imports a Twine file into a new scenario, shows the warnings with their passages, and plays it", async () => {
    const { page } = browser;
    await openAuthor(page);
    await page.getByLabel("Import a YAML, Twee or Twine HTML file").setInputFiles(file.pathname);
    await page.getByRole("heading", { level: 1, name: imported.story }).waitFor();
    const warnings = page.getByRole("list", { name: "Import warnings" });
    const withPassage = imported.warnings.find((w) => w.passage !== undefined)!;
    await expect(
      warnings
        .getByRole("listitem")
        .filter({ hasText: `Passage “${withPassage.passage}”: ${withPassage.message}` })
        .count(),
    ).resolves.toBe(1);
    await expect(warnings.getByRole("listitem").count()).resolves.toBe(imported.warnings.length);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await page.getByText("No problems: the scenario is valid.").waitFor();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("link", { name: "Play it now" }).click();
    await choicesRegion(page).waitFor();
    const scenario = loadScenario("x.yaml", imported.yaml);
    expect(scenario.ok).toBe(true);
    if (!scenario.ok) return;
    await expect(nodeHeading(page).textContent()).resolves.toBe(
      scenario.scenario.nodes[scenario.scenario.start]!.title,
    );
  });

  it("refuses a file that is not a story, with a clear message, and changes nothing", async () => {
    const { page } = browser;
    await createFromTemplate(page);
    await openAuthor(page);
    await page.getByRole("link", { name: NAME, exact: true }).waitFor();
    await page.getByLabel("Import a YAML, Twee or Twine HTML file").setInputFiles({
      name: "holiday.html",
      mimeType: "text/html",
      buffer: Buffer.from("<html><body><p>Our holiday photos</p></body></html>"),
    });
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(
      /^"holiday.html" could not be imported: .*Nothing was imported\.$/,
    );
    await expect(page.getByRole("list", { name: "Library" }).getByRole("listitem").count()).resolves.toBe(1);
  });
});
