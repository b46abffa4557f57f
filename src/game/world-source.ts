import type { RunState, Scenario } from "../engine/index";

/**
 * What the Phaser world reads: the scenario, the current run (a read model of the XState actor, via the store),
 * change notifications, and the player's reduced-motion setting. The world never decides anything.
 */
export interface WorldSource {
  scenario(): Scenario;
  run(): RunState | null;
  /** Calls `listener` after every change of the run; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  reducedMotion(): boolean;
}

/** A running world view; `destroy` frees the Phaser game and every subscription. */
export interface WorldHandle {
  destroy(): void;
}

/** The signature of `startWorld` in src/game/world.ts, which the UI loads with a dynamic import(). */
export type StartWorld = (parent: HTMLElement, source: WorldSource) => Promise<WorldHandle>;
