import type * as Phaser from "phaser";
import type { Box, WallView } from "../world-model";
import { label } from "./text";

const BRICK = 0xb5533c;
const BRICK_LIGHT = 0xc96a4e;
const MORTAR = 0xe8d9c4;
const THICK = 16;

/** A brick silo wall around one or more groups; `height` 0..1 lets it rise out of the floor or crumble away. */
export class SiloWall {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly tag: Phaser.GameObjects.Text;
  private height = 0;

  constructor(
    scene: Phaser.Scene,
    readonly wall: WallView,
  ) {
    this.g = scene.add.graphics();
    const first = wall.boxes[0];
    this.tag = label(scene, first ? first.x + first.w / 2 : 0, first ? first.y - 20 : 0, ` ${wall.label} `, {
      size: 15,
      bold: true,
      colour: "#ffffff",
      align: "center",
    });
    this.tag.setBackgroundColor("#8c3a27").setPadding(6, 3, 6, 3);
    this.set(wall.standing ? 1 : 0);
  }

  /** The wall's current height, 0 (gone) to 1 (standing). */
  get shown(): number {
    return this.height;
  }

  set(height: number): void {
    this.height = Math.max(0, Math.min(1, height));
    const g = this.g;
    g.clear();
    this.tag.setAlpha(this.height);
    this.tag.setVisible(this.height > 0.02);
    if (this.height <= 0.02) return;
    for (const box of this.wall.boxes) drawBricks(g, box, THICK * this.height, this.height);
  }
}

function drawBricks(g: Phaser.GameObjects.Graphics, box: Box, t: number, alpha: number): void {
  const { x, y, w, h } = box;
  const bands: Box[] = [
    { x: x - t, y: y - t, w: w + 2 * t, h: t },
    { x: x - t, y: y + h, w: w + 2 * t, h: t },
    { x: x - t, y, w: t, h },
    { x: x + w, y, w: t, h },
  ];
  for (const b of bands) {
    g.fillStyle(MORTAR, alpha);
    g.fillRect(b.x, b.y, b.w, b.h);
    const horizontal = b.w > b.h;
    const courses = 2;
    const along = horizontal ? b.w : b.h;
    const across = (horizontal ? b.h : b.w) / courses;
    const brick = 26;
    for (let c = 0; c < courses; c++) {
      for (let s = -(c % 2) * (brick / 2); s < along; s += brick) {
        const s0 = Math.max(0, s) + 1;
        const s1 = Math.min(along, s + brick) - 1;
        if (s1 <= s0) continue;
        g.fillStyle((c + Math.floor(s / brick)) % 3 === 0 ? BRICK_LIGHT : BRICK, alpha);
        if (horizontal) g.fillRect(b.x + s0, b.y + c * across + 1, s1 - s0, across - 2);
        else g.fillRect(b.x + c * across + 1, b.y + s0, across - 2, s1 - s0);
      }
    }
  }
}
