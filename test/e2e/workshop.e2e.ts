import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replay } from "../../src/engine/index";
import { bundledScenarios, openApp, SAMPLE_TITLE, seriousAxeViolations } from "./support/app";
import { openBrowser } from "./support/browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

const sample = bundledScenarios().find((s) => s.title === SAMPLE_TITLE)!;
const TEAMS = ["Red", "Blue", "Green"];

/** Fills the set-up form for the sample with three teams and a 5-second timer, and opens the console. */
async function setUpWorkshop(page: Page, name: string, timer = "5"): Promise<void> {
  await page
    .getByRole("combobox", { name: "Scenario" })
    .selectOption({ label: `${SAMPLE_TITLE} (about 5 minutes)` });
  await page.getByRole("textbox", { name: "Workshop name" }).fill(name);
  for (const [i, team] of TEAMS.entries()) {
    await page.getByRole("textbox", { name: `Name of team ${i + 1}` }).fill(team);
  }
  await page.getByRole("spinbutton", { name: /Decision timer/ }).fill(timer);
  await page.getByRole("button", { name: "Create workshop" }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** Selects a choice in a team's radio group and enters it. */
async function enter(page: Page, team: string, choice: string | RegExp): Promise<void> {
  await page.getByRole("group", { name: team, exact: true }).getByRole("radio", { name: choice }).check();
  await page.getByRole("button", { name: `Enter choice for ${team}` }).click();
  await page
    .getByRole("group", { name: team, exact: true })
    .getByText(/^Entered: /)
    .waitFor();
}

/** Enters, for a team, the first (or last) choice available to it; returns the choice's label. */
async function enterAvailable(page: Page, team: string, which: "first" | "last"): Promise<string> {
  const radios = page
    .getByRole("group", { name: team, exact: true })
    .getByRole("radio")
    .and(page.locator(":enabled"));
  const radio = which === "first" ? radios.first() : radios.last();
  const label = (await radio.evaluate((r) => r.closest("label")?.textContent ?? "")).trim();
  await radio.check();
  await page.getByRole("button", { name: `Enter choice for ${team}` }).click();
  await page
    .getByRole("group", { name: team, exact: true })
    .getByText(/^Entered: /)
    .waitFor();
  return label;
}

async function closeRound(page: Page, round: number): Promise<void> {
  await page.getByRole("button", { name: "Close round" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `Round ${round} closed` })
    .waitFor();
}

describe("a workshop with three teams, a console and a projector", () => {
  it("runs rounds with different choices, a timer running out, undo, reloads, the debrief and the export", async () => {
    const { page, context } = browser;
    await openApp(page);
    await page.getByRole("link", { name: "Run a workshop" }).click();
    await page.getByRole("heading", { level: 1, name: "Workshops" }).waitFor();
    await page.getByRole("heading", { name: "New workshop" }).waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    await setUpWorkshop(page, "Tuesday room");
    const consoleUrl = page.url();
    expect(consoleUrl).toMatch(/#\/workshop\/[^/]+\/console$/);

    // The projector opens in its own window and follows the console.
    const [projector] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("button", { name: "Open projector view" }).click(),
    ]);
    await projector.getByRole("heading", { level: 1, name: SAMPLE_TITLE }).waitFor();
    await projector.getByText("Starting soon").waitFor();
    // The facilitator works in the console: in front (a window behind is throttled, as in a real browser).
    await page.bringToFront();

    await page.getByRole("button", { name: "Start round 1" }).click();
    const start = sample.nodes[sample.start]!;
    await projector.getByText("Round 1", { exact: true }).waitFor();
    await projector.getByRole("heading", { level: 2, name: start.title }).waitFor();
    const projected = projector
      .getByRole("list", { name: `Choices at ${start.title}` })
      .getByRole("listitem");
    await expect(projected.count()).resolves.toBe(start.choices.length);
    // The facilitator's notes are on the console only.
    await page.getByRole("complementary", { name: `Facilitator notes for ${start.title}` }).waitFor();
    await expect(projector.getByText(start.facilitator).count()).resolves.toBe(0);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(seriousAxeViolations(projector)).resolves.toEqual([]);

    // Round 1: a different choice per team, one mistaken entry undone.
    await enter(page, "Red", /template format/);
    await enter(page, "Green", /Sit with the admin/);
    await page.getByRole("button", { name: "Undo last entry" }).click();
    await page.getByRole("group", { name: "Green", exact: true }).getByText("No entry yet").waitFor();
    await enter(page, "Blue", /Sit with the admin/);
    await enter(page, "Green", /Escalate to the CIO/);
    await page.getByText("Every team has an entry").waitFor();
    await projector.getByText("Every team has chosen.").waitFor();

    // The 5-second timer runs out on both screens.
    await page.getByRole("timer").filter({ hasText: "Time is up" }).waitFor();
    await projector.getByRole("timer").filter({ hasText: "Time is up" }).waitFor();
    await closeRound(page, 1);
    await projector.getByText("Round 2", { exact: true }).waitFor();
    await projector.getByRole("heading", { name: "Round 1: what happened" }).waitFor();
    await projector.getByText(/Green chose “Escalate to the CIO”/).waitFor();

    // Reload each window: both come back where they were.
    await projector.reload();
    await projector.getByText("Round 2", { exact: true }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Tuesday room" }).waitFor();
    await page.getByText("Round 2", { exact: false }).first().waitFor();
    await expect(
      page.getByRole("group", { name: "Green", exact: true }).getByText("No entry yet").count(),
    ).resolves.toBe(1);

    // Round 2: Red and Blue choose (differently placed, differently chosen); Green has no entry and stays.
    await enterAvailable(page, "Red", "first");
    const blueChoice = await enterAvailable(page, "Blue", "last");
    await page.getByRole("button", { name: "Pause timer" }).click();
    await projector.getByText("Paused for discussion").first().waitFor();
    await page.getByRole("button", { name: "Resume timer" }).click();
    await closeRound(page, 2);
    await page.getByRole("status").filter({ hasText: "No entry, so stayed: Green" }).waitFor();

    // Undo with nothing entered reopens round 2 with its entries.
    await page.getByRole("button", { name: "Undo last entry" }).click();
    await page.getByRole("status").filter({ hasText: "Round 2 reopened" }).waitFor();
    const blueEntry = blueChoice.replace(/\s*\(\d+ weeks?\)$/, "");
    await page.getByRole("group", { name: "Blue", exact: true }).getByText(`Entered: ${blueEntry}`).waitFor();
    await projector.getByText("Round 2 · Paused for discussion").waitFor();
    await page.getByRole("button", { name: "Resume timer" }).click();
    await closeRound(page, 2);
    await expect(page.getByText("The teams' paths first parted at decision 1.").count()).resolves.toBe(1);

    // Play on until every team has reached an ending: the first choice available to each team still deciding.
    for (let round = 3; round < 20; round++) {
      if (await page.getByRole("heading", { name: "Endings reached" }).isVisible()) break;
      for (const team of TEAMS) {
        if (await page.getByRole("group", { name: team, exact: true }).isVisible()) {
          await enterAvailable(page, team, "first");
        }
      }
      await closeRound(page, round);
    }
    await page.getByRole("heading", { name: "Endings reached" }).waitFor();
    await projector.getByRole("heading", { name: "Endings reached" }).waitFor();
    const map = page.getByRole("table").filter({ hasText: "Real engagement" });
    for (const team of [...TEAMS, "Real engagement"]) {
      await map.getByRole("columnheader", { name: team, exact: true }).waitFor();
    }
    await page.getByRole("heading", { name: "For discussion" }).waitFor();
    await page.getByText(sample.discussion[0]!).waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(seriousAxeViolations(projector)).resolves.toEqual([]);

    // The debrief survives a reload too.
    await page.reload();
    await page.getByRole("heading", { name: "Endings reached" }).waitFor();

    // Export: every team's reproducible triple, which replays to the ending shown.
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export session as JSON" }).click(),
    ]);
    const data = JSON.parse(readFileSync((await json.path())!, "utf8"));
    expect(data.teams.map((t: { name: string }) => t.name)).toEqual(TEAMS);
    const seeds = new Set<number>();
    for (const team of data.teams) {
      expect(team.triple).toMatchObject({ scenarioId: sample.id, scenarioVersion: sample.version });
      const again = replay(sample, team.triple.seed, team.triple.choices);
      expect(again.ok).toBe(true);
      expect(again.state.ending).toBe(team.ending);
      await page
        .getByRole("listitem")
        .filter({ hasText: `${team.name}: ${team.endingTitle} (rated` })
        .waitFor();
      seeds.add(team.triple.seed);
    }
    // One shared seed by default; the choices differ.
    expect(seeds.size).toBe(1);
    expect(data.teams[0].triple.choices[0]).toBe("template");
    expect(data.teams[1].triple.choices[0]).toBe("sit-together");
    expect(data.teams[2].triple.choices[0]).toBe("escalate");

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export weeks as CSV" }).click(),
    ]);
    const lines = readFileSync((await csv.path())!, "utf8")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^team,week,Trust/);
    for (const team of TEAMS) expect(lines.some((l) => l.startsWith(`${team},0,`))).toBe(true);
  });

  it("restores both windows after they are closed and opened again", async () => {
    const { page, context } = browser;
    await openApp(page, "#/workshop");
    await setUpWorkshop(page, "Closing time", "0");
    const consoleUrl = page.url();
    await page.getByRole("button", { name: "Start round 1" }).click();
    await enter(page, "Blue", /Escalate to the CIO/);
    const [projector] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("button", { name: "Open projector view" }).click(),
    ]);
    await projector.getByText("Chosen: Blue. Still discussing: Red, Green.").waitFor();
    await projector.close();
    // The console closed too (a new tab keeps the browser open), then opened again from its address.
    const again = await context.newPage();
    await page.close();
    await again.goto(consoleUrl);
    await again.getByRole("heading", { level: 1, name: "Closing time" }).waitFor();
    await again
      .getByRole("group", { name: "Blue", exact: true })
      .getByText("Entered: Escalate to the CIO")
      .waitFor();
    const [reopened] = await Promise.all([
      context.waitForEvent("page"),
      again.getByRole("button", { name: "Open projector view" }).click(),
    ]);
    await reopened.getByText("Chosen: Blue. Still discussing: Red, Green.").waitFor();
    await again.bringToFront();
    await enter(again, "Red", /template format/);
    await reopened.getByText("Chosen: Red, Blue. Still discussing: Green.").waitFor();
    // A second console tab of the same workshop: each picks up the other's entries, neither overwrites them.
    const second = await context.newPage();
    await second.goto(consoleUrl);
    await enter(second, "Green", /Escalate to the CIO/);
    await again.bringToFront();
    await again
      .getByRole("group", { name: "Green", exact: true })
      .getByText("Entered: Escalate to the CIO")
      .waitFor();
    await enter(again, "Red", /Sit with the admin/);
    await second
      .getByRole("group", { name: "Red", exact: true })
      .getByText("Entered: Sit with the admin")
      .waitFor();
    await second
      .getByRole("group", { name: "Green", exact: true })
      .getByText("Entered: Escalate to the CIO")
      .waitFor();
    await reopened.getByText("Every team has chosen.").waitFor();
  });

  it("lets a team send its choice from its own screen, which the console checks and saves", async () => {
    const { page, context } = browser;
    await openApp(page, "#/workshop");
    await setUpWorkshop(page, "Shared screens", "0");
    await page.getByRole("button", { name: "Start round 1" }).click();
    const [red] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "Open Red's own screen" }).click(),
    ]);
    await red.getByRole("heading", { level: 1, name: "Red" }).waitFor();
    await expect(seriousAxeViolations(red)).resolves.toEqual([]);
    await red
      .getByRole("group", { name: "Red", exact: true })
      .getByRole("radio", { name: /Escalate/ })
      .check();
    await red.getByRole("button", { name: "Send our choice" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Red entered from its own screen: Escalate to the CIO." })
      .waitFor();
    await page
      .getByRole("group", { name: "Red", exact: true })
      .getByText("Entered: Escalate to the CIO")
      .waitFor();
    await red
      .getByRole("group", { name: "Red", exact: true })
      .getByText("Entered: Escalate to the CIO")
      .waitFor();
    // The team's screen shows nothing of the facilitator's notes.
    const start = sample.nodes[sample.start]!;
    await expect(red.getByText(start.facilitator).count()).resolves.toBe(0);
  });

  it("lists the workshops kept in the browser, resumes one and deletes another", async () => {
    const { page } = browser;
    await openApp(page, "#/workshop");
    await setUpWorkshop(page, "Old session", "0");
    await page.getByRole("link", { name: "All workshops" }).click();
    await page.getByRole("heading", { level: 1, name: "Workshops" }).waitFor();
    await setUpWorkshop(page, "Current session", "0");
    await page.getByRole("button", { name: "Start round 1" }).click();
    await enter(page, "Blue", /Escalate to the CIO/);
    await page.getByRole("link", { name: "All workshops" }).click();

    const list = page.getByRole("list", { name: "Your workshops" });
    await list.getByRole("link", { name: "Resume Old session" }).waitFor();
    await list.getByRole("button", { name: "Delete Old session" }).click();
    await page.getByRole("status").filter({ hasText: "Deleted Old session." }).waitFor();
    await expect(list.getByRole("link", { name: "Resume Old session" }).count()).resolves.toBe(0);
    await list.getByRole("link", { name: "Resume Current session" }).click();
    await page.getByRole("heading", { level: 1, name: "Current session" }).waitFor();
    await page
      .getByRole("group", { name: "Blue", exact: true })
      .getByText("Entered: Escalate to the CIO")
      .waitFor();
    await expect(page.getByRole("timer").textContent()).resolves.toBe("No timer");
  });

  it("refuses a set-up with a repeated team name, saying why", async () => {
    const { page } = browser;
    await openApp(page, "#/workshop");
    await page.getByRole("textbox", { name: "Name of team 2" }).fill("red");
    await page.getByRole("button", { name: "Create workshop" }).click();
    await page.getByRole("alert").filter({ hasText: 'Two teams are called "Red"' }).waitFor();
  });
});
