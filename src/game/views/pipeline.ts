import type * as Phaser from "phaser";
import { FLOOR, MUTED_CSS } from "../palette";
import { formatMetric, type MetricView, PIPELINE_AREA, pipelineSpeed, workItems } from "../world-model";
import { label } from "./text";

const MAX_ITEMS = 12;
const STAGES = ["Backlog", "Build", "Test", "Release"];
const ITEM_COLOURS = [0x4c7bd9, 0x2a9d8f, 0x8e5cc2, 0xe07a3f];

/**
 * The delivery pipeline: a conveyor belt carrying work items into production. The number of items and their
 * speed follow velocity; at zero a few grey items sit stalled.
 */
export class Pipeline {
  private readonly items: Phaser.GameObjects.Rectangle[] = [];
  private readonly stripes: Phaser.GameObjects.Rectangle[] = [];
  private readonly caption: Phaser.GameObjects.Text;
  private readonly lights: Phaser.GameObjects.Graphics;
  private readonly beltX0: number;
  private readonly beltX1: number;
  private readonly beltY: number;
  private count = 0;
  private speed = 0;
  private travelled = 0;
  private glow = 0;

  constructor(scene: Phaser.Scene) {
    const a = PIPELINE_AREA;
    this.beltX0 = a.x + 20;
    this.beltX1 = a.x + a.w - 150;
    this.beltY = a.y + 74;
    const g = scene.add.graphics();
    g.fillStyle(FLOOR, 1);
    g.fillRoundedRect(a.x, a.y, a.w, a.h, 16);
    label(scene, a.x + 18, a.y + 12, "Delivery pipeline", { size: 18, bold: true });
    // Belt with rollers.
    g.fillStyle(0x4a4e5a, 1);
    g.fillRoundedRect(this.beltX0 - 10, this.beltY - 4, this.beltX1 - this.beltX0 + 20, 34, 17);
    g.fillStyle(0x6b7080, 1);
    for (let x = this.beltX0 + 6; x < this.beltX1; x += 34) g.fillCircle(x, this.beltY + 13, 9);
    g.fillStyle(0x3a3d47, 1);
    g.fillRect(this.beltX0, this.beltY - 4, this.beltX1 - this.beltX0, 6);
    const stageW = (this.beltX1 - this.beltX0) / STAGES.length;
    for (const [i, stage] of STAGES.entries()) {
      const sx = this.beltX0 + i * stageW;
      if (i > 0) {
        g.fillStyle(0xb8b2a6, 1);
        g.fillRect(sx - 2, this.beltY - 30, 4, 26);
      }
      label(scene, sx + stageW / 2, this.beltY - 34, stage, { size: 14, colour: MUTED_CSS, align: "center" });
    }
    // Production: a small building the items go into.
    const px = this.beltX1 + 14;
    const py = a.y + 22;
    g.fillStyle(0x2f6f5e, 1);
    g.fillRoundedRect(px, py, 118, a.h - 36, 12);
    g.fillStyle(0x245748, 1);
    g.fillRect(px, this.beltY - 8, 14, 42);
    label(scene, px + 59, py + 8, "Production", { size: 16, bold: true, colour: "#ffffff", align: "center" });
    this.lights = scene.add.graphics();
    this.caption = label(scene, a.x + a.w - 170, a.y + 14, "", {
      size: 16,
      colour: MUTED_CSS,
      align: "right",
    });
    for (let i = 0; i < MAX_ITEMS; i++) {
      this.items.push(scene.add.rectangle(0, this.beltY + 4, 34, 24, 0xffffff).setStrokeStyle(2, 0x3a3d47));
      this.stripes.push(scene.add.rectangle(0, this.beltY - 5, 34, 6, ITEM_COLOURS[i % ITEM_COLOURS.length]));
    }
    this.drawLights();
  }

  /** Shows a velocity: how many items are on the belt, how fast they go, and the caption. */
  set(velocity: MetricView | null): void {
    this.count = workItems(velocity);
    this.speed = pipelineSpeed(velocity);
    if (!velocity) this.caption.setText("");
    else if (velocity.hidden) this.caption.setText(this.count === 0 ? "Nothing is flowing" : "");
    else {
      const flow = this.count === 0 ? " · nothing is flowing" : "";
      this.caption.setText(`${velocity.label}: ${formatMetric(velocity)}${flow}`);
    }
    this.place();
  }

  /** Moves the items along; not called under reduced motion, where they stand evenly spaced. */
  advance(deltaMs: number): void {
    if (this.count === 0) return;
    const length = this.beltX1 - this.beltX0;
    const before = Math.floor(this.travelled / (length / this.count));
    this.travelled = (this.travelled + (this.speed * deltaMs) / 1000) % (length * 1000);
    const after = Math.floor(this.travelled / (length / this.count));
    // An item just went into production: its windows light up for a moment.
    if (after !== before) this.glow = 1;
    else this.glow = Math.max(0, this.glow - deltaMs / 400);
    this.place();
    this.drawLights();
  }

  private place(): void {
    const length = this.beltX1 - this.beltX0;
    const stalled = this.count === 0;
    const shown = stalled ? 3 : this.count;
    for (let i = 0; i < MAX_ITEMS; i++) {
      const item = this.items[i]!;
      const stripe = this.stripes[i]!;
      const visible = i < shown;
      item.setVisible(visible);
      stripe.setVisible(visible);
      if (!visible) continue;
      const x = stalled
        ? this.beltX0 + 40 + i * 40
        : this.beltX0 + ((this.travelled + ((i + 0.5) * length) / shown) % length);
      // Items fade as they go through the door into production.
      const fade = stalled ? 1 : Math.min(1, (this.beltX1 - x) / 30);
      item.setPosition(x, this.beltY + 4).setAlpha(fade);
      stripe.setPosition(x, this.beltY - 5).setAlpha(fade);
      item.setFillStyle(stalled ? 0xd5d1c8 : 0xffffff);
      stripe.setFillStyle(stalled ? 0x9aa0ac : ITEM_COLOURS[i % ITEM_COLOURS.length]!);
    }
  }

  private drawLights(): void {
    const g = this.lights;
    g.clear();
    const px = this.beltX1 + 14;
    const top = PIPELINE_AREA.y + 56;
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        const lit = this.count > 0 && (r + c) % 2 === 0;
        g.fillStyle(lit ? 0xffe08a : 0x4f8a78, lit ? 0.55 + 0.45 * this.glow : 1);
        g.fillRoundedRect(px + 30 + c * 24, top + r * 22, 16, 12, 3);
      }
    }
  }
}
