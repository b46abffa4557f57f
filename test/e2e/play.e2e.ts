import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  bundledScenarios,
  choicesRegion,
  decisionNumber,
  makeChoice,
  nodeHeading,
  openApp,
  playToEnding,
  SAMPLE_TITLE,
  seriousAxeViolations,
  startScenario,
  untilSaved,
} from "./support/app";
import { openBrowser } from "./support/browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

const sample = bundledScenarios().find((s) => s.title === SAMPLE_TITLE)!;

describe("the title screen", () => {
  it("shows every bundled scenario as a card whose play link names it", async () => {
    const { page } = browser;
    await openApp(page);
    await expect(page.getByRole("heading", { level: 1, name: "Change Is Hard" }).isVisible()).resolves.toBe(
      true,
    );
    const list = page.getByRole("list", { name: "Scenarios" });
    for (const scenario of bundledScenarios()) {
      await expect(
        list.getByRole("heading", { name: scenario.title, exact: true }).isVisible(),
      ).resolves.toBe(true);
      await expect(list.getByRole("link", { name: `Play ${scenario.title}` }).isVisible()).resolves.toBe(
        true,
      );
    }
    await expect(page.getByRole("group", { name: "Show “what really happened”" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole("checkbox", { name: "Reduce motion" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("combobox", { name: "Text size" }).isVisible()).resolves.toBe(true);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });

  it("says so when an address names a scenario that does not exist", async () => {
    const { page } = browser;
    await openApp(page, "#/play/no-such-scenario");
    await expect(page.getByRole("heading", { level: 1, name: "Not found" }).isVisible()).resolves.toBe(true);
    await expect(
      page.getByText('There is no scenario with the id "no-such-scenario"').isVisible(),
    ).resolves.toBe(true);
    await page.getByRole("link", { name: "Back to the scenarios" }).click();
    await expect(page.getByRole("heading", { name: "Scenarios" }).isVisible()).resolves.toBe(true);
  });
});

describe("playing the sample", () => {
  it("shows the decision, its choices with their costs and the visible metrics as meters", async () => {
    const { page } = browser;
    await openApp(page);
    await startScenario(page, SAMPLE_TITLE);
    const start = sample.nodes[sample.start]!;
    await expect(page.getByRole("heading", { level: 2, name: start.title }).isVisible()).resolves.toBe(true);
    const choices = choicesRegion(page).getByRole("button");
    await expect(choices.count()).resolves.toBe(start.choices.length);
    await expect(choices.first().textContent()).resolves.toContain(`${start.choices[0]!.weeks} weeks`);
    for (const metric of sample.metrics) {
      const meter = page.getByRole("meter", { name: metric.label, exact: true });
      await expect(meter.count()).resolves.toBe(metric.hidden ? 0 : 1);
      if (!metric.hidden) await expect(meter.getAttribute("value")).resolves.toBe(String(metric.start));
    }
    await expect(page.getByText("Week 0", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });

  it("picks a choice with a number key, then shows what changed and why", async () => {
    const { page } = browser;
    await openApp(page, `#/play/${sample.id}`);
    await choicesRegion(page).waitFor();
    await page.keyboard.press("3"); // Escalate to the CIO: 3 weeks, trust -10, always to "The rules are open".
    await page.getByRole("heading", { name: "What changed" }).waitFor();
    await expect(
      page.getByRole("heading", { level: 2, name: "The rules are open" }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText("Week 3", { exact: true }).isVisible()).resolves.toBe(true);
    const report = page.getByRole("region", { name: "What changed" });
    await expect(report.getByText(/Trust 40 → \d+ \(−\d+\): your choice −10/).isVisible()).resolves.toBe(
      true,
    );
    await expect(report.getByRole("heading", { name: "What really happened" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole("status").textContent()).resolves.toContain("Now: The rules are open.");
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });

  it("plays to an ending and shows the debrief with its charts, paths and endings found", async () => {
    const { page } = browser;
    await openApp(page);
    await startScenario(page, SAMPLE_TITLE);
    const decisions = await playToEnding(page);
    expect(decisions).toBeGreaterThan(0);
    const endingTitles = Object.values(sample.endings).map((e) => e.title);
    const h1 = await page.getByRole("heading", { level: 1 }).textContent();
    expect(endingTitles).toContain(h1);
    for (const metric of sample.metrics.filter((m) => !m.hidden)) {
      await expect(
        page.getByRole("img", { name: new RegExp(`^${metric.label} over \\d+ weeks`) }).count(),
      ).resolves.toBe(1);
    }
    await expect(
      page.getByRole("heading", { name: "The real engagement", exact: true }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "What each choice meant" }).isVisible()).resolves.toBe(
      true,
    );
    // Hidden metrics are revealed only now.
    const hidden = page.getByRole("region", { name: "What you could not see" });
    for (const metric of sample.metrics.filter((m) => m.hidden)) {
      await expect(hidden.getByText(new RegExp(`^${metric.label}: `)).isVisible()).resolves.toBe(true);
    }
    await expect(
      page.getByText(`You have found 1 of ${endingTitles.length} endings.`).isVisible(),
    ).resolves.toBe(true);
    // chart.js draws into the canvases once its chunk has loaded.
    await page.waitForFunction(() =>
      [...document.querySelectorAll("canvas")].every((c) => c.width > 0 && c.dataset.drawn !== undefined),
    );
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });
});

describe("every bundled scenario", () => {
  for (const scenario of bundledScenarios()) {
    it(`${scenario.title} can be played to an ending`, async () => {
      const { page } = browser;
      await openApp(page);
      await startScenario(page, scenario.title);
      await playToEnding(page);
      await expect(page.getByRole("button", { name: "Play again" }).isVisible()).resolves.toBe(true);
    });
  }
});

describe("saves", () => {
  it("resumes a run where it was after the page reloads", async () => {
    const { page } = browser;
    await openApp(page);
    await startScenario(page, SAMPLE_TITLE);
    await makeChoice(page, "Escalate to the CIO");
    const heading = await nodeHeading(page).textContent();
    await untilSaved(page);
    await page.reload();
    await choicesRegion(page).waitFor();
    await expect(nodeHeading(page).textContent()).resolves.toBe(heading);
    await expect(page.getByText("Week 3", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(decisionNumber(page)).resolves.toBe(2);
  });

  it("lists saved runs on the title screen and continues one", async () => {
    const { page } = browser;
    await openApp(page);
    await startScenario(page, SAMPLE_TITLE);
    await makeChoice(page, "Escalate to the CIO");
    await page.getByRole("button", { name: "Back to scenarios" }).click();
    const saved = page.getByRole("list", { name: "Saved runs" });
    await saved.waitFor();
    await saved
      .getByRole("link", { name: new RegExp(`^Continue ${escapeRegExp(SAMPLE_TITLE)}, week 3`) })
      .click();
    await choicesRegion(page).waitFor();
    await expect(
      page.getByRole("heading", { level: 2, name: "The rules are open" }).isVisible(),
    ).resolves.toBe(true);
  });

  it("rewinds to an earlier decision", async () => {
    const { page } = browser;
    await openApp(page);
    await startScenario(page, SAMPLE_TITLE);
    await makeChoice(page, "Escalate to the CIO");
    await makeChoice(page, "Keep deploying quietly");
    await page.getByRole("button", { name: "Play again" }).waitFor();
    await page.getByRole("button", { name: "Rewind" }).click();
    await page.getByRole("button", { name: /^Rewind to decision 2: The rules are open/ }).click();
    await choicesRegion(page).waitFor();
    await expect(page.getByText("Week 3", { exact: true }).isVisible()).resolves.toBe(true);
    await page.getByRole("button", { name: "Rewind" }).click();
    await page.getByRole("button", { name: /^Rewind to decision 1: / }).click();
    await page.getByText("Decision 1", { exact: true }).waitFor();
    await expect(
      page.getByRole("heading", { level: 2, name: sample.nodes[sample.start]!.title }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText("Week 0", { exact: true }).isVisible()).resolves.toBe(true);
    // The rewound run is what a reload resumes.
    await untilSaved(page);
    await page.reload();
    await page.getByText("Decision 1", { exact: true }).waitFor();
    await expect(page.getByText("Week 0", { exact: true }).isVisible()).resolves.toBe(true);
  });
});

describe("exports", () => {
  it("exports the run as JSON (the triple and the history) and as CSV, week by week", async () => {
    const { page } = browser;
    await openApp(page);
    await startScenario(page, SAMPLE_TITLE);
    await makeChoice(page, "Escalate to the CIO");
    await makeChoice(page, "Keep deploying quietly");
    await page.getByRole("button", { name: "Play again" }).waitFor();

    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export run as JSON" }).click(),
    ]);
    const run = JSON.parse(await readDownload(json));
    expect(run).toMatchObject({
      scenarioId: sample.id,
      scenarioVersion: sample.version,
      choices: ["escalate", "quiet"],
      status: "ended",
      ending: "deployed",
    });
    expect(Number.isInteger(run.seed)).toBe(true);
    expect(run.history.points).toHaveLength(8);

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export weeks as CSV" }).click(),
    ]);
    const lines = (await readDownload(csv)).trim().split("\r\n");
    expect(lines[0]).toBe(
      "week,Trust,Budget (k£),Velocity (deploys/month),Frustration,choices,events,ending",
    );
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(/^0,40,80,1,20,Escalate to the CIO,/);
  });
});

async function readDownload(download: { path(): Promise<string> }): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  return readFile(await download.path(), "utf8");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
