/**
 * The run's seeded random generator (mulberry32). Its whole state is one 32-bit integer kept in the run, so a
 * run replays identically from its seed in node and in every browser: only integer arithmetic is used.
 */
export function nextRandom(state: number): { value: number; state: number } {
  const s = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: s };
}

/** The generator state for a seed: any integer, reduced to 32 bits. */
export function seedState(seed: number): number {
  return Math.trunc(seed) | 0;
}

/** A fresh seed for a new run (outside the simulation, so Math.random is fine here). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
