import type * as Phaser from "phaser";
import { FLOOR, levelColour, MUTED_CSS, tint } from "../palette";
import { formatMetric, TANK_AREA, type WorldModel } from "../world-model";
import { label } from "./text";

type Money = NonNullable<WorldModel["money"]>;

/** The budget as a tank of water that drains as money is spent; drops fall from the tap while it drains. */
export class BudgetTank {
  private readonly liquid: Phaser.GameObjects.Graphics;
  private readonly drops: Phaser.GameObjects.Graphics;
  private readonly value: Phaser.GameObjects.Text;
  private readonly of: Phaser.GameObjects.Text;
  private readonly tank = { x: TANK_AREA.x + 40, y: TANK_AREA.y + 110, w: 120, h: 380 };
  private dropPhase = 0;
  private draining = false;

  constructor(scene: Phaser.Scene, title: string | null) {
    const a = TANK_AREA;
    const t = this.tank;
    const g = scene.add.graphics();
    g.fillStyle(FLOOR, 1);
    g.fillRoundedRect(a.x, a.y, a.w, a.h, 16);
    label(scene, a.x + a.w / 2, a.y + 14, title ?? "No budget in this story", {
      size: title ? 20 : 15,
      bold: title !== null,
      align: "center",
      wrap: a.w - 20,
    });
    this.value = label(scene, a.x + a.w / 2, a.y + 44, "", { size: 22, bold: true, align: "center" });
    this.of = label(scene, a.x + a.w / 2, a.y + 74, "", { size: 14, colour: MUTED_CSS, align: "center" });
    // Glass, then the liquid layer, then the glass's marks and rim on top.
    g.fillStyle(0xffffff, 1);
    g.fillRoundedRect(t.x, t.y, t.w, t.h, 18);
    this.liquid = scene.add.graphics();
    const front = scene.add.graphics();
    front.lineStyle(4, 0x7d8597, 1);
    front.strokeRoundedRect(t.x, t.y, t.w, t.h, 18);
    front.lineStyle(2, 0x9aa0ac, 1);
    for (let i = 1; i < 4; i++) {
      const y = t.y + (t.h * i) / 4;
      front.lineBetween(t.x, y, t.x + 16, y);
    }
    front.fillStyle(0xffffff, 0.35);
    front.fillRoundedRect(t.x + t.w - 26, t.y + 16, 10, t.h - 40, 5);
    // The tap at the bottom.
    front.fillStyle(0x7d8597, 1);
    front.fillRect(t.x + t.w / 2 - 8, t.y + t.h, 16, 22);
    front.fillRoundedRect(t.x + t.w / 2 - 18, t.y + t.h + 18, 36, 10, 4);
    this.drops = scene.add.graphics();
    if (title === null) this.liquid.setVisible(false);
  }

  /** Shows the money: the liquid's level relative to the start budget and the amounts. */
  set(money: Money | null): void {
    if (!money) {
      this.value.setText("");
      this.of.setText("");
      return;
    }
    const t = this.tank;
    const g = this.liquid;
    g.clear();
    const level = money.level;
    const colour = levelColour(level * 1.2 - 0.1);
    const h = Math.max(0, (t.h - 8) * level);
    if (h > 0) {
      g.fillStyle(colour, 0.85);
      g.fillRoundedRect(t.x + 4, t.y + t.h - 4 - h, t.w - 8, h, { tl: 6, tr: 6, bl: 14, br: 14 });
      g.fillStyle(tint(colour, 0.45), 1);
      g.fillRect(t.x + 8, t.y + t.h - 4 - h, t.w - 16, Math.min(6, h));
    }
    if (money.hidden) {
      this.value.setText("");
      this.of.setText("");
    } else {
      this.value.setText(`${formatMetric(money)} left`);
      this.of.setText(`of ${formatMetric(money, money.start)} at the start`);
    }
  }

  /** Starts or stops the drops under the tap (the scene turns them on while money drains in an animation). */
  setDraining(on: boolean): void {
    this.draining = on;
    if (!on) this.drops.clear();
  }

  advance(deltaMs: number): void {
    if (!this.draining) return;
    this.dropPhase = (this.dropPhase + deltaMs / 700) % 1;
    const g = this.drops;
    g.clear();
    const x = this.tank.x + this.tank.w / 2;
    const y0 = this.tank.y + this.tank.h + 32;
    g.fillStyle(0x4c9bd9, 1);
    for (let k = 0; k < 3; k++) {
      const p = (this.dropPhase + k / 3) % 1;
      g.fillCircle(x, y0 + p * 60, 5 - p * 2);
    }
  }
}
