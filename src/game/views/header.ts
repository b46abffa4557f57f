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
  private readonly gaugeBox = { x: 790, y: 26, w: 220, h: 18 };

  constructor(scene: Phaser.Scene, hasTrust: boolean) {
    this.week = label(scene, 24, 14, "", { size: 30, bold: true });
    this.status = label(scene, 170, 22, "", { size: 18, bold: true, colour: MUTED_CSS });
    this.trustText = label(scene, 774, 22, "", { size: 18, bold: true, align: "right" });
    this.gauge = scene.add.graphics();
    this.gauge.setVisible(hasTrust);
  }

  /** `ending`: null while the story goes on, else the ending's title ("" when it has none). */
  set(week: number, ending: string | null, trust: MetricView | null): void {
    this.week.setText(`Week ${Math.round(week)}`);
    this.status.setText(ending === null ? "" : ending ? `Ended: ${ending}` : "The story has ended");
    // Long ending titles shrink to stay clear of the trust gauge.
    this.status.setFontSize(18);
    for (let size = 17; size >= 12 && this.status.width > 440; size--) this.status.setFontSize(size);
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
