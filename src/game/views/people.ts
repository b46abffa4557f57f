import type * as Phaser from "phaser";
import { INK, SKIN_TONES, tint } from "../palette";

/**
 * Draws one person seen from the front: body in the group's colour, a head, and a face whose mouth curves with
 * `mood` (-1 unhappy .. 1 happy); unhappy people also frown.
 */
export function drawPerson(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  r: number,
  colour: number,
  skin: number,
  mood: number,
): void {
  // Shoulders and body.
  g.fillStyle(colour, 1);
  g.fillRoundedRect(x - r * 1.25, y + r * 0.85, r * 2.5, r * 2.2, { tl: r, tr: r, bl: 4, br: 4 });
  g.fillStyle(tint(colour, 0.35), 1);
  g.fillTriangle(x - r * 0.35, y + r * 0.85, x + r * 0.35, y + r * 0.85, x, y + r * 1.45);
  // Head.
  g.fillStyle(skin, 1);
  g.fillCircle(x, y, r);
  // Eyes.
  g.fillStyle(INK, 1);
  const eyeY = y - r * 0.12;
  g.fillCircle(x - r * 0.36, eyeY, Math.max(1.5, r * 0.11));
  g.fillCircle(x + r * 0.36, eyeY, Math.max(1.5, r * 0.11));
  // Brows slant down towards the nose when unhappy.
  if (mood < -0.45) {
    const s = Math.min(1, -mood) * r * 0.18;
    g.lineStyle(Math.max(1.5, r * 0.1), INK, 1);
    g.lineBetween(x - r * 0.55, eyeY - r * 0.32 - s, x - r * 0.18, eyeY - r * 0.28 + s);
    g.lineBetween(x + r * 0.55, eyeY - r * 0.32 - s, x + r * 0.18, eyeY - r * 0.28 + s);
  }
  // Mouth: a parabola through five points, curving up for a smile and down for a frown.
  const m = Math.max(-1, Math.min(1, mood));
  const w = r * 0.42;
  const mouthY = y + r * 0.42;
  g.lineStyle(Math.max(1.5, r * 0.12), INK, 1);
  g.beginPath();
  for (let i = 0; i <= 4; i++) {
    const u = i / 2 - 1;
    const px = x + u * w;
    const py = mouthY - m * r * 0.22 * (u * u - 1) - m * r * 0.1;
    if (i === 0) g.moveTo(px, py);
    else g.lineTo(px, py);
  }
  g.strokePath();
}

/** A skin tone that varies from person to person but is stable for a group and seat. */
export function skinFor(groupIndex: number, seat: number): number {
  return SKIN_TONES[(groupIndex * 3 + seat * 5) % SKIN_TONES.length]!;
}
