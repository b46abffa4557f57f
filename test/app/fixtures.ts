// Shared set-up for the app tests: the bundled scenarios, fresh repositories on (fake) IndexedDB, a session.
import { type BundledScenario, loadBundledScenarios } from "../../src/app/bundled-scenarios";
import { LocalforageProfileRepository } from "../../src/app/profile-repository";
import { LocalforageSaveRepository } from "../../src/app/save-repository";
import { GameSession } from "../../src/app/session";
import type { Scenario } from "../../src/engine/index";

export const library: BundledScenario[] = loadBundledScenarios();

/** The sample scenario, which every app test can rely on. */
export const sample: Scenario = library
  .flatMap((e) => (e.ok ? [e.scenario] : []))
  .find((s) => s.id === "sample-firewall-request")!;

let databases = 0;

/** Repositories over a database name no other test uses. */
export function freshStorage(): {
  name: string;
  saves: LocalforageSaveRepository;
  profile: LocalforageProfileRepository;
} {
  const name = `app-test-${process.pid}-${++databases}`;
  return {
    name,
    saves: new LocalforageSaveRepository(name),
    profile: new LocalforageProfileRepository(name),
  };
}

/** A session on the given storage with predictable seeds, run ids and clock. */
export function sessionOn(storage: ReturnType<typeof freshStorage>, seed = 7): GameSession {
  let runs = 0;
  let tick = 0;
  return new GameSession({
    library,
    saves: storage.saves,
    profile: storage.profile,
    newSeed: () => seed,
    newRunId: () => `run-${++runs}`,
    now: () => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++)),
  });
}
