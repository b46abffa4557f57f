import type * as Phaser from "phaser";
import { levelColour, tint } from "../palette";
import type { LinkView } from "../world-model";

type Point = { x: number; y: number };

/**
 * The links between neighbouring groups, coloured by trust (red, amber, green); a link a silo wall cuts is drawn
 * broken and grey. Small messages travel along whole links, more and faster when trust is high.
 */
export class LinkLayer {
  private readonly lines: Phaser.GameObjects.Graphics;
  private readonly messages: Phaser.GameObjects.Graphics;
  private links: LinkView[] = [];
  private level: number | null = null;
  private phase = 0;

  constructor(
    scene: Phaser.Scene,
    private readonly ends: (id: string) => Point | undefined,
  ) {
    this.lines = scene.add.graphics();
    this.messages = scene.add.graphics();
  }

  /** Draws the links for a trust level (0..1, or null when the scenario has no trust). */
  draw(links: LinkView[], level: number | null): void {
    this.links = links;
    this.level = level;
    const g = this.lines;
    g.clear();
    const colour = level === null ? 0x9aa0ac : levelColour(level);
    const width = level === null ? 10 : 8 + level * 10;
    for (const link of links) {
      const a = this.ends(link.from);
      const b = this.ends(link.to);
      if (!a || !b) continue;
      if (link.cut) {
        g.lineStyle(6, 0xb8b2a6, 1);
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        g.lineBetween(a.x, a.y, mid.x - (b.x - a.x) * 0.12, mid.y - (b.y - a.y) * 0.12);
        g.lineBetween(mid.x + (b.x - a.x) * 0.12, mid.y + (b.y - a.y) * 0.12, b.x, b.y);
        continue;
      }
      g.lineStyle(width + 6, tint(colour, 0.6), 1);
      g.lineBetween(a.x, a.y, b.x, b.y);
      g.lineStyle(width, colour, 1);
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
    this.drawMessages();
  }

  /** Moves the messages on; not called under reduced motion, where they stay put. */
  advance(deltaMs: number): void {
    if (this.level === null) return;
    this.phase = (this.phase + (deltaMs / 1000) * (0.08 + this.level * 0.3)) % 1;
    this.drawMessages();
  }

  private drawMessages(): void {
    const g = this.messages;
    g.clear();
    if (this.level === null) return;
    const count = 1 + Math.round(this.level * 2);
    g.fillStyle(0xffffff, 1);
    g.lineStyle(2, levelColour(this.level), 1);
    for (const [i, link] of this.links.entries()) {
      if (link.cut) continue;
      const a = this.ends(link.from);
      const b = this.ends(link.to);
      if (!a || !b) continue;
      for (let k = 0; k < count; k++) {
        // Alternate directions so the links read as conversations, not conveyor belts.
        let t = (this.phase + k / count + i * 0.17) % 1;
        if ((i + k) % 2) t = 1 - t;
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        g.fillCircle(x, y, 6);
        g.strokeCircle(x, y, 6);
      }
    }
  }
}
