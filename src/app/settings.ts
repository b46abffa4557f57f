/** When "what really happened" is shown: after each choice, or only in the debrief. */
export type RevealTiming = "after-each-choice" | "debrief-only";

/** Text size steps the player can pick. */
export type TextSize = "normal" | "large" | "larger";

/** The player's settings, kept between visits. */
export interface Settings {
  reveal: RevealTiming;
  reducedMotion: boolean;
  textSize: TextSize;
}

/** The settings of a first visit; reduced motion follows the system's preference. */
export function defaultSettings(prefersReducedMotion = false): Settings {
  return { reveal: "after-each-choice", reducedMotion: prefersReducedMotion, textSize: "normal" };
}

/** Settings read back from storage, with anything missing or unknown replaced by the default. */
export function repairSettings(value: unknown, defaults: Settings): Settings {
  if (typeof value !== "object" || value === null) return defaults;
  const v = value as Partial<Record<keyof Settings, unknown>>;
  return {
    reveal: v.reveal === "after-each-choice" || v.reveal === "debrief-only" ? v.reveal : defaults.reveal,
    reducedMotion: typeof v.reducedMotion === "boolean" ? v.reducedMotion : defaults.reducedMotion,
    textSize:
      v.textSize === "normal" || v.textSize === "large" || v.textSize === "larger"
        ? v.textSize
        : defaults.textSize,
  };
}
