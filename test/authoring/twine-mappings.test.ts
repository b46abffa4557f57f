import { describe, expect, it } from "vitest";
import { choice, fixture, importChecked, scenarioOf, warningLines } from "./twine-support";

describe("Harlowe mappings (test/fixtures/twine/harlowe-mappings.twee)", () => {
  const { r, diagnostics } = importChecked(fixture("harlowe-mappings.twee"), "harlowe-mappings.twee");
  const s = scenarioOf(r);
  const warnings = warningLines(r);

  it("loads with no diagnostics at all", () => expect(diagnostics).toEqual([]));

  it("takes the title, the start passage from StoryData and the start values from a startup passage", () => {
    expect(s.title).toBe("The Firewall Request (Harlowe)");
    expect(s.start).toBe("the-request");
    expect(s.metrics).toEqual({
      trust: { label: "Trust", start: 40 },
      budget: { label: "Budget", start: 300 },
      velocity: { label: "Velocity", start: 0 },
    });
    expect(s.flags).toEqual({ silo: { label: "Silo", start: false } });
    expect(s.nodes.setup).toBeUndefined();
  });

  it("reads ->, <- and | links, and (link-goto:)", () => {
    expect(choice(r, "the-request", "send-a-template")).toMatchObject({
      label: "send a template",
      goto: "template",
    });
    expect(choice(r, "the-request", "escalate-to-the-cio").goto).toBe("big-meeting");
    expect(choice(r, "the-request", "hire-consultants").goto).toBe("consultants");
    expect(choice(r, "the-request", "wait-a-week").goto).toBe("template");
  });

  it("puts a passage's assignments on the choices that lead into it", () => {
    // Template: (set: $trust to it - 5) and (set: $velocity to 2).
    expect(choice(r, "the-request", "send-a-template").effects).toEqual({
      trust: -5,
      velocity: "2 - velocity",
    });
    // Big meeting: (set: $trust to $trust + 10) and (put: 3 into $velocity).
    expect(choice(r, "template", "big-meeting").effects).toEqual({ trust: 10, velocity: "3 - velocity" });
    expect(choice(r, "the-request", "form-a-devops-team").effects).toEqual({ set: { silo: true } });
  });

  it("turns (if:), (else-if:), (else:) and (unless:) around links into requires", () => {
    expect(choice(r, "the-request", "hire-consultants").requires).toBe("trust > 30 and budget >= 100");
    expect(choice(r, "the-request", "ask-for-a-loan").requires).toBe(
      "not (trust > 30 and budget >= 100) and trust > 10",
    );
    expect(choice(r, "the-request", "give-up").requires).toBe(
      "not (trust > 30 and budget >= 100) and not (trust > 10)",
    );
    expect(choice(r, "the-request", "form-a-devops-team").requires).toBe("not flags.silo");
  });

  it("makes (link:)[(set:)...] an in-place choice whose hook text is the outcome's text", () => {
    expect(choice(r, "the-request", "buy-coffee")).toEqual({
      id: "buy-coffee",
      label: "Buy coffee",
      effects: { budget: -5, trust: 1 },
      outcomes: [{ goto: "the-request", text: "Everyone smiles." }],
    });
  });

  it("makes (goto:) a Continue choice, and passages without links endings", () => {
    expect(choice(r, "big-meeting", "continue").goto).toBe("production");
    expect(s.endings.production).toEqual({
      title: "Production",
      text: "Deployed\nIt works: in production.",
      rating: 1,
    });
    expect(warnings).toContain(
      'Big meeting: (goto: "Production") moves on by itself in Twine; it became a choice "Continue"',
    );
    expect(warnings).toContain(
      "Production: no links lead out, so it is an ending; its rating (0-3) is 1 until you judge it",
    );
  });

  it("strips markup and decodes entities, keeping the words", () => {
    expect(s.nodes["the-request"]?.text).toBe(
      "Production machines must talk to a configuration server & nobody owns the firewall.\n\nDo you send a template or escalate to the CIO?\nNobody will pay for consultants now. Ask for a loan",
    );
  });

  it("warns about everything it could not map, naming the passage", () => {
    expect(warnings).toEqual(
      expect.arrayContaining([
        "Custom code: a script passage; dropped, never run",
        'The request: the assignment "_tries to 1" is not mapped: _tries is a temporary variable',
        "The request: $name holds text; the scenario format has no text variables",
        'The request: the condition "$name is "Ana"" on "Call Ana" is not mapped ($name is not a number or true/false set by the story); the choice is always available',
        'The request: the link "Read the wiki" leads to "Wiki", which is not a passage of the story; dropped',
        'The request: the text "Nobody will pay for consultants now." is shown in Twine only when not ($trust > 30 and $budget >= 100) and $trust > 10; it is kept as plain text',
        'Template: the assignment "$budget to it - 50" happens only when $trust < 20; not mapped',
        "Template: (print: $trust) is not mapped",
        "Loan: the passage has no text of its own; the node's text is its name: describe the situation",
        "the summary, objectives and minutes are placeholders: write them",
      ]),
    );
    expect(choice(r, "the-request", "call-ana").requires).toBeUndefined();
    expect(s.nodes.wiki).toBeUndefined();
  });
});

describe("SugarCube mappings (test/fixtures/twine/sugarcube-mappings.twee)", () => {
  const { r, diagnostics } = importChecked(fixture("sugarcube-mappings.twee"), "sugarcube-mappings.twee");
  const s = scenarioOf(r);
  const warnings = warningLines(r);

  it("loads with no diagnostics at all", () => expect(diagnostics).toEqual([]));

  it("takes start values from StoryInit and leaves special passages out", () => {
    expect(s.metrics.trust).toEqual({ label: "Trust", start: 40 });
    expect(s.metrics.budget).toEqual({ label: "Budget", start: 300 });
    expect(s.nodes.storycaption).toBeUndefined();
    expect(warnings).toContain(
      "StoryCaption: a special passage of the story format, not part of the story; left out",
    );
  });

  it("maps gte/gt/lt, and/or, not and <<elseif>>/<<else>> into requires", () => {
    expect(choice(r, "start", "escalate").requires).toBe("trust >= 30 and budget > 100");
    expect(choice(r, "start", "give-up").requires).toBe(
      "not (trust >= 30 and budget > 100) and (trust < 10 or flags.silo)",
    );
    expect(choice(r, "start", "form-a-team").requires).toBe("not flags.silo");
  });

  it("maps += / -= / ++ / -- / = and combines a link's own setter with the target's arrival effects", () => {
    // <<link "Send a template" "Template">><<set $budget -= 2>><</link>>, then Template's += 5 and = 1.
    expect(choice(r, "start", "send-a-template").effects).toEqual({
      budget: -2,
      trust: 5,
      velocity: "1 - velocity",
    });
    // [[Pay the vendor|Template][$budget to $budget - 50]]
    expect(choice(r, "start", "pay-the-vendor").effects).toEqual({
      budget: -50,
      trust: 5,
      velocity: "1 - velocity",
    });
    expect(choice(r, "start", "buy-coffee")).toMatchObject({
      effects: { trust: 1, budget: -1 },
      outcomes: [{ goto: "start", text: "Everyone smiles." }],
    });
    expect(choice(r, "big-meeting", "deploy").goto).toBe("production");
  });

  it("keeps text through comments, line continuations, HTML and headings", () => {
    expect(s.nodes.start?.text).toBe("The request arrives. It is urgent.\n\nYou are not trusted yet.");
    expect(s.nodes["big-meeting"]?.text).toBe("The CIO listens.");
    expect(s.endings.production?.text).toBe("Deployed\nIt works.");
  });

  it("warns about what it could not map", () => {
    expect(warnings).toEqual(
      expect.arrayContaining([
        'Start: the assignment "$velocity *= 2" is not mapped: it multiplies or divides',
        "Start: $mood holds text; the scenario format has no text variables",
        'Start: the condition "$mood eq "good"" on "Celebrate" is not mapped ($mood is not a number or true/false set by the story); the choice is always available',
        'Template: <<goto "Big meeting">> moves on by itself in Twine; it became a choice "Continue"',
        "Silo: <<timed 2s>> is not mapped; its text is kept",
      ]),
    );
  });
});

describe("Chapbook mappings (test/fixtures/twine/chapbook-mappings.twee)", () => {
  const { r, diagnostics } = importChecked(fixture("chapbook-mappings.twee"), "chapbook-mappings.twee");
  const s = scenarioOf(r);

  it("loads with no diagnostics at all", () => expect(diagnostics).toEqual([]));

  it("reads the vars section as start values (start passage) and arrival effects (other passages)", () => {
    expect(s.metrics).toEqual({
      trust: { label: "Trust", start: 40 },
      budget: { label: "Budget", start: 300 },
    });
    expect(s.flags).toEqual({ blocked: { label: "Blocked", start: false } });
    expect(choice(r, "request", "send-a-template").effects).toEqual({ budget: -20, set: { blocked: true } });
    expect(choice(r, "template", "big-meeting").effects).toEqual({ trust: -10 });
  });

  it("maps [if]/[unless] modifiers and {link to} inserts", () => {
    expect(choice(r, "request", "escalate-to-the-cio").requires).toBe("trust > 30 and budget >= 100");
    expect(choice(r, "request", "send-a-template")).toMatchObject({
      label: "Send a template",
      requires: "not flags.blocked",
    });
    expect(choice(r, "request", "production").requires).toBeUndefined();
  });

  it("folds a {reveal link} passage into an in-place choice", () => {
    expect(choice(r, "request", "ask-the-admin")).toMatchObject({
      effects: { trust: 5 },
      outcomes: [{ goto: "request", text: "The admin shrugs." }],
    });
    expect(s.nodes["admin-says"]).toBeUndefined();
    expect(s.endings.production?.text).toBe("Deployed at last.");
  });

  it("warns about conditional vars and unknown inserts", () => {
    expect(warningLines(r)).toEqual(
      expect.arrayContaining([
        'Request: the assignment "bonus (trust > 50): 10" is not mapped: it only happens when (trust > 50)',
        "Request: {restart link} is not mapped",
        'Request: the link "Ask the CEO" leads to "Nobody", which is not a passage of the story; dropped',
      ]),
    );
  });
});

describe("story structure (test/fixtures/twine/structure.twee)", () => {
  const { r, diagnostics } = importChecked(fixture("structure.twee"), "structure.twee");
  const s = scenarioOf(r);
  const warnings = warningLines(r);

  it("gives unique ids to passages and choices that slugify alike", () => {
    expect(Object.keys(s.nodes)).toEqual(["start", "loop-a", "loop-b", "loop-a-2"]);
    expect(choice(r, "start", "loop-a-2")).toMatchObject({ label: "Loop A", goto: "loop-b" });
    expect(choice(r, "loop-b", "loop-a-2")).toMatchObject({ label: "loop-a", goto: "loop-a-2" });
    expect(warnings).toContain(
      'Start: several choices read "Loop A"; players cannot tell them apart: relabel them',
    );
  });

  it("renames reserved variable names and keeps the first of two passages with one name", () => {
    expect(s.metrics).toEqual({ week_: { label: "Week", start: 1 } });
    expect(s.nodes.start?.text).toBe("Week one.");
    expect(warnings).toContain("Start: a second passage with this name was skipped");
    expect(warnings).toContain("Start: its metadata block is not valid JSON; ignored");
  });

  it("adds an ending where loops have no way out, so the scenario validates", () => {
    expect(choice(r, "start", "end-here").goto).toBe("the-end");
    expect(choice(r, "loop-a", "end-here").goto).toBe("the-end");
    expect(s.endings["the-end"]).toEqual({ title: "The end", rating: 1 });
    expect(warnings).toContain(
      'Loop A: no path from here reaches an ending; an "End the story here" choice was added',
    );
    // The validator still points out the ending nothing leads to; that is the author's call.
    expect(diagnostics).toEqual([
      'structure.twee.yaml:63:3: warning: ending "empty" is never reached: no goto leads to it and it has no when condition',
    ]);
  });
});
