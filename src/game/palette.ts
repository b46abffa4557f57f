// Colours and type for the world: a warm, friendly palette with enough contrast for labels.
import type { GroupKind } from "./world-model";

export const INK = 0x2b2d42;
export const INK_CSS = "#2b2d42";
export const MUTED_CSS = "#5c6070";
export const PAPER = 0xf6f2ea;
export const FLOOR = 0xebe4d6;
export const CARD = 0xffffff;
export const FONT = "system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The colour of each kind of group (its header band and people's clothes). */
export const KIND_COLOURS: Record<GroupKind, number> = {
  team: 0x4c7bd9,
  platform: 0x2a9d8f,
  gatekeeper: 0xe07a3f,
  business: 0x8e5cc2,
  vendor: 0x6c7a89,
  leadership: 0xc9971a,
};

/** A short caption under each group's name that says what kind of group it is. */
export const KIND_CAPTIONS: Record<GroupKind, string> = {
  team: "team",
  platform: "platform",
  gatekeeper: "gatekeeper",
  business: "business",
  vendor: "outsourced",
  leadership: "leadership",
};

export const SKIN_TONES = [0xf1c27d, 0x8d5524, 0xffdbac, 0xc68642, 0xe0ac69, 0x6b4226];

const BAD = 0xd94f3d;
const MIDDLE = 0xf0a830;
const GOOD = 0x3aa66a;

/** Red through amber to green for a level between 0 and 1. */
export function levelColour(level: number): number {
  const t = Math.min(1, Math.max(0, level));
  return t < 0.5 ? mix(BAD, MIDDLE, t * 2) : mix(MIDDLE, GOOD, (t - 0.5) * 2);
}

/** Mixes two 0xRRGGBB colours. */
export function mix(a: number, b: number, t: number): number {
  const ch = (c: number, shift: number) => (c >> shift) & 0xff;
  const m = (shift: number) => Math.round(ch(a, shift) + (ch(b, shift) - ch(a, shift)) * t);
  return (m(16) << 16) | (m(8) << 8) | m(0);
}

/** Lighter version of a colour (towards white). */
export function tint(colour: number, amount: number): number {
  return mix(colour, 0xffffff, amount);
}

/** A 0xRRGGBB colour as a CSS string. */
export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, "0")}`;
}
