import type * as Phaser from "phaser";
import { FONT, INK_CSS } from "../palette";

/** Options for a label: size in world pixels, weight, colour and alignment. */
export interface LabelStyle {
  size?: number;
  bold?: boolean;
  colour?: string;
  align?: "left" | "center" | "right";
  wrap?: number;
}

/** A crisp text label (rendered at twice the world's resolution, so it stays sharp when the canvas is scaled up). */
export function label(scene: Phaser.Scene, x: number, y: number, text: string, style: LabelStyle = {}) {
  const t = scene.add.text(x, y, text, {
    fontFamily: FONT,
    fontSize: `${style.size ?? 16}px`,
    fontStyle: style.bold ? "bold" : "normal",
    color: style.colour ?? INK_CSS,
    align: style.align ?? "left",
    ...(style.wrap ? { wordWrap: { width: style.wrap } } : {}),
  });
  t.setResolution(2);
  if (style.align === "center") t.setOrigin(0.5, 0);
  if (style.align === "right") t.setOrigin(1, 0);
  return t;
}
