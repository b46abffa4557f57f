import type * as Phaser from "phaser";
import { levelColour, MUTED_CSS } from "../palette";
import type { MetricView } from "../world-model";
import { label } from "./text";

/** The strip above the organisation: the week, and trust as a gauge. */
export class Header {
  private readonly week: Phaser.GameObjects.Text;
  private readonly status: Phaser.GameObjects.Text;
  private readonly trustText: Phaser.GameObjects.Text;
  private readonly gauge: Phaser.GameObjects.Graphics;
  private readonly gaugeBox = { x: 620, y: 26, w: 260, h: 18 };

  constructor(scene: Phaser.Scene, hasTrust: boolean) {
    this.week = label(scene, 24, 14, "", { size: 30, bold: true });
    this.status = label(scene, 170, 24, "", { size: 16, colour: MUTED_CSS });
    this.trustText = label(scene, 604, 22, "", { size: 18, bold: true, align: "right" });
    this.gauge = scene.add.graphics();
    this.gauge.setVisible(hasTrust);
  }

  set(week: number, ended: boolean, trust: MetricView | null): void {
    this.week.setText(`Week ${Math.round(week)}`);
    this.status.setText(ended ? "The story has ended" : "");
    if (!trust) {
      this.trustText.setText("");
      return;
    }
    this.trustText.setText(
      trust.hidden
        ? trust.label
        : `${trust.label} ${trust.value.toFixed(trust.decimals)}${trust.top === null ? "" : ` / ${trust.top}`}`,
    );
    const { x, y, w, h } = this.gaugeBox;
    const g = this.gauge;
    g.clear();
    g.fillStyle(0xddd6c8, 1);
    g.fillRoundedRect(x, y, w, h, h / 2);
    const filled = Math.max(h, w * trust.level);
    g.fillStyle(levelColour(trust.level), 1);
    g.fillRoundedRect(x, y, filled, h, h / 2);
    g.lineStyle(2, 0xffffff, 0.9);
    for (let i = 1; i < 4; i++) g.lineBetween(x + (w * i) / 4, y + 3, x + (w * i) / 4, y + h - 3);
  }
}
