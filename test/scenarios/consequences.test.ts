import { describe, expect, it } from "vitest";
import { loadNamed, playRealPath, playWith } from "./support";

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/** A path through each scenario built from the source's patterns; docs/scenarios.md offers it to facilitators. */
const THOUGHTFUL: { name: string; ending: string; path: Record<string, string> }[] = [
  {
    name: "tutorial-first-week",
    ending: "asked-for-more",
    path: { "first-morning": "automate", "the-script": "rehearse", "show-it": "demo" },
  },
  {
    name: "phoenix-silo",
    ending: "doers-everywhere",
    path: {
      "fifteen-minutes": "step-away",
      "the-bottleneck": "spread",
      "the-champion": "own-portal",
      "more-teams": "wrappers",
      "support-load": "you-build-it",
      review: "team-demo",
    },
  },
  {
    name: "firewall-delays",
    ending: "bystanders",
    path: {
      "the-request": "understand",
      "big-meeting": "bystander",
      "the-rules": "side-by-side",
      "rules-live": "rules-as-code",
      "the-review": "propose-bystander",
    },
  },
  {
    name: "the-trust-gap",
    ending: "one-team",
    path: {
      "every-deploy": "accept",
      "the-demo": "weekly",
      "their-checks": "replicate",
      "the-hsm": "alongside",
      "testers-role": "testers-own",
      "the-review": "tester-presents",
    },
  },
  {
    name: "a-false-start",
    ending: "fifteen-minutes",
    path: {
      "the-engagement": "one-team",
      "choose-team": "agile-team",
      "first-mvp": "tests-on-target",
      "nobody-knows": "walkthrough",
      "firewall-weeks": "invite-security",
      "no-root": "show-pipeline",
      "manual-testing": "replicate-tests",
      "fragile-deploy": "pair-expert",
      "the-demo": "weekly-demos",
      prerequisites: "sponsor-vendor",
      "on-arrival": "get-runway",
      "firewall-form": "sit-with-admin",
      trunk: "trunk-based",
      unpick: "team-slice",
      "tests-one-box": "business-tests",
      "fear-of-production": "alongside",
      "while-away": "doers-deploy",
    },
  },
];

describe.each(THOUGHTFUL)("a thoughtful path through $name", ({ name, ending, path }) => {
  const { scenario } = loadNamed(name);
  const best = Math.max(...Object.values(scenario.endings).map((e) => e.rating));

  it("reaches the best ending for every seed", () => {
    expect(scenario.endings[ending]!.rating).toBe(best);
    for (const seed of SEEDS) expect(playWith(scenario, seed, path).ending, `seed ${seed}`).toBe(ending);
  });
});

describe("delayed consequences", () => {
  it("A False Start: sharing the deployment knowledge means nobody is stranded when the expert goes on leave", () => {
    const { scenario } = loadNamed("a-false-start");
    const shared = { "nobody-knows": "walkthrough", "fragile-deploy": "pair-expert" };
    for (const seed of SEEDS) {
      expect(playRealPath(scenario, seed).firedEvents).toContain("expert-on-leave");
      const state = playWith(scenario, seed, shared);
      expect(state.firedEvents).not.toContain("expert-on-leave");
      expect(state.visited).not.toContain("expert-away");
    }
  });

  it("A False Start: scattering the silo costs the champion far more than giving the team a mission", () => {
    const { scenario } = loadNamed("a-false-start");
    const real = playRealPath(scenario, 1);
    const mission = playWith(scenario, 1, { "phoenix-silo": "self-service" });
    expect(mission.metrics.champion! - real.metrics.champion!).toBeGreaterThanOrEqual(30);
  });

  it("Firewall Delays: rules with automated checks are never silently backed out", () => {
    const { scenario } = loadNamed("firewall-delays");
    const real = SEEDS.map((seed) => playRealPath(scenario, seed));
    expect(real.filter((s) => s.firedEvents.includes("backed-out")).length).toBeGreaterThan(5);
    for (const seed of SEEDS) {
      const checked = playWith(scenario, seed, {
        "lost-in-translation": "rule-checks",
        "rules-live": "rules-as-code",
      });
      expect(checked.flags.rules_checked).toBe(true);
      expect(checked.firedEvents).not.toContain("backed-out");
    }
  });

  it("Firewall Delays: escalating first locks the offer to run security's checks in the pipeline", () => {
    const { scenario } = loadNamed("firewall-delays");
    expect(() => playWith(scenario, 1, { "the-request": "escalate", "big-meeting": "bystander" })).toThrow(
      /not available/,
    );
    expect(playWith(scenario, 1, { "the-request": "understand", "big-meeting": "bystander" }).status).toBe(
      "ended",
    );
  });

  it("Phoenix Silo: a champion given a new mission keeps her energy; one left alone loses it", () => {
    const { scenario } = loadNamed("phoenix-silo");
    for (const seed of SEEDS) {
      const alone = playRealPath(scenario, seed);
      const mission = playWith(scenario, seed, { "the-champion": "own-portal" });
      expect(mission.metrics.champion! - alone.metrics.champion!, `seed ${seed}`).toBeGreaterThanOrEqual(20);
    }
  });

  it("The Trust Gap: automating the business's own checks stops defects from escaping to customers", () => {
    const { scenario } = loadNamed("the-trust-gap");
    const real = SEEDS.map((seed) => playRealPath(scenario, seed));
    expect(real.filter((s) => s.firedEvents.includes("escaped-defect")).length).toBeGreaterThan(5);
    for (const seed of SEEDS) {
      const replicated = playWith(scenario, seed, { "their-checks": "replicate" });
      expect(replicated.firedEvents).not.toContain("escaped-defect");
    }
  });
});
