import type * as Phaser from "phaser";
import { CARD, INK, INK_CSS, KIND_COLOURS, MUTED_CSS, tint } from "../palette";
import type { GroupKind, GroupView } from "../world-model";
import { drawPerson, skinFor } from "./people";
import { label } from "./text";

const HEADER = 40;
const INBOX = 56;

/** A queue as a tile shows it: its label, the weeks waited so far and how many tickets to draw. */
export interface InboxItem {
  label: string;
  weeks: number;
  tickets: number;
}

/** One group drawn as a card: a coloured header with its name, people at a desk, and an inbox of waiting work. */
export class GroupTile {
  private readonly people: Phaser.GameObjects.Graphics;
  private readonly inbox: Phaser.GameObjects.Graphics;
  private readonly inboxText: Phaser.GameObjects.Text;
  private readonly inboxCaption: Phaser.GameObjects.Text;
  private lastMood = Number.NaN;
  private lastInbox = "";

  constructor(
    scene: Phaser.Scene,
    readonly group: GroupView,
    private readonly index: number,
    /** Whether a queue can wait here: the desk then sits higher to leave room for the inbox. */
    private readonly hasInbox: boolean,
  ) {
    const { x, y, w, h } = group.box;
    const colour = KIND_COLOURS[group.kind];
    const card = scene.add.graphics();
    card.fillStyle(0x000000, 0.1);
    card.fillRoundedRect(x + 3, y + 5, w, h, 14);
    card.fillStyle(CARD, 1);
    card.fillRoundedRect(x, y, w, h, 14);
    card.fillStyle(colour, 1);
    card.fillRoundedRect(x, y, w, HEADER, { tl: 14, tr: 14, bl: 0, br: 0 });
    if (group.kind === "vendor") dashedOutline(card, x, y, w, h, colour);
    // The desk the people sit behind.
    const deskY = this.deskY();
    card.fillStyle(0xc9a77c, 1);
    card.fillRoundedRect(x + 16, deskY, w - 32, 14, 4);
    card.fillStyle(0xa9855a, 1);
    card.fillRect(x + 24, deskY + 14, 6, 8);
    card.fillRect(x + w - 30, deskY + 14, 6, 8);
    drawIcon(card, group.kind, x + w - 26, y + HEADER / 2);
    fitWidth(label(scene, x + 12, y + 9, group.label, { size: 20, bold: true, colour: "#ffffff" }), w - 50);
    this.people = scene.add.graphics();
    this.inbox = scene.add.graphics();
    this.inboxText = label(scene, x + 14, y + h - INBOX + 8, "", { size: 15, bold: true, colour: INK_CSS });
    this.inboxCaption = label(scene, x + 14, y + h - 24, "", { size: 14, colour: MUTED_CSS });
    // The desk's front edge is drawn over the people's bodies.
    const front = scene.add.graphics();
    front.fillStyle(0xc9a77c, 1);
    front.fillRoundedRect(x + 16, deskY, w - 32, 14, 4);
  }

  private deskY(): number {
    const { y, h } = this.group.box;
    return this.hasInbox ? y + h - INBOX - 22 : y + h - 40;
  }

  /** The box's centre, where links end. */
  centre(): { x: number; y: number } {
    const { x, y, w, h } = this.group.box;
    return { x: x + w / 2, y: y + h / 2 };
  }

  /** Redraws the people with a mood from -1 (unhappy) to 1 (happy); skipped when nothing visible changed. */
  drawPeople(mood: number): void {
    const rounded = Math.round(mood * 50) / 50;
    if (rounded === this.lastMood) return;
    this.lastMood = rounded;
    const { x, y, w } = this.group.box;
    const g = this.people;
    g.clear();
    const n = this.group.people;
    const areaTop = y + HEADER;
    const deskY = this.deskY();
    const r = Math.max(10, Math.min(19, (deskY - areaTop) * 0.24));
    const colour = KIND_COLOURS[this.group.kind];
    const spacing = Math.min(r * 3.4, (w - 40) / n);
    const start = x + w / 2 - (spacing * (n - 1)) / 2;
    const headY = deskY - r * 2.3;
    for (let i = 0; i < n; i++) {
      drawPerson(
        g,
        start + i * spacing,
        headY,
        r,
        tint(colour, i % 2 ? 0.15 : 0),
        skinFor(this.index, i),
        rounded,
      );
    }
  }

  /** Draws the waiting work: a row of ticket cards per queue and a caption saying how long it has waited. */
  drawInbox(items: InboxItem[]): void {
    const key = JSON.stringify(items);
    if (key === this.lastInbox) return;
    this.lastInbox = key;
    const { x, y, w, h } = this.group.box;
    const g = this.inbox;
    g.clear();
    const first = items[0];
    if (!first) {
      this.inboxText.setText("");
      this.inboxCaption.setText("");
      return;
    }
    g.fillStyle(0xfff4d6, 1);
    g.fillRoundedRect(x + 6, y + h - INBOX, w - 12, INBOX - 6, 8);
    g.lineStyle(1.5, 0xe9c46a, 1);
    g.strokeRoundedRect(x + 6, y + h - INBOX, w - 12, INBOX - 6, 8);
    const top = y + h - INBOX + 6;
    const ticketsX = x + 112;
    for (let i = 0; i < first.tickets; i++) {
      const tx = ticketsX + i * 14;
      g.fillStyle(0x000000, 0.12);
      g.fillRoundedRect(tx + 2, top + 2, 26, 18, 3);
      g.fillStyle(0xffd166, 1);
      g.fillRoundedRect(tx, top, 26, 18, 3);
      g.lineStyle(1.5, 0xb5892a, 1);
      g.strokeRoundedRect(tx, top, 26, 18, 3);
      g.lineBetween(tx + 5, top + 6, tx + 21, top + 6);
      g.lineBetween(tx + 5, top + 11, tx + 16, top + 11);
    }
    // A small clock after the tickets: this work is waiting.
    const cx = x + 96;
    g.fillStyle(0xffffff, 1);
    g.fillCircle(cx, top + 9, 9);
    g.lineStyle(2, INK, 1);
    g.strokeCircle(cx, top + 9, 9);
    g.lineBetween(cx, top + 9, cx, top + 3);
    g.lineBetween(cx, top + 9, cx + 4, top + 11);
    const weeks = first.weeks <= 0 ? "New" : first.weeks === 1 ? "1 week" : `${first.weeks} weeks`;
    const more = items.length > 1 ? ` (+${items.length - 1} more)` : "";
    this.inboxText.setText(weeks);
    this.inboxCaption.setText(fitCaption(`${first.label} waiting${more}`, w - 28));
    this.inboxText.setX(x + 14);
  }
}

/** Shrinks a label's font until it fits `width`. */
function fitWidth(t: Phaser.GameObjects.Text, width: number): void {
  for (let size = 20; size > 13 && t.width > width; size--) t.setFontSize(size);
}

/** Shortens a caption to roughly fit `width` at 14px (about 7.5px a character). */
function fitCaption(text: string, width: number): string {
  const max = Math.floor(width / 7.5);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function dashedOutline(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  w: number,
  h: number,
  c: number,
) {
  g.lineStyle(3, c, 1);
  const dash = 12;
  for (let i = 14; i < w - 14; i += dash * 2)
    g.lineBetween(x + i, y + h, x + Math.min(i + dash, w - 14), y + h);
  for (let i = HEADER; i < h - 14; i += dash * 2) {
    g.lineBetween(x, y + i, x, y + Math.min(i + dash, h - 14));
    g.lineBetween(x + w, y + i, x + w, y + Math.min(i + dash, h - 14));
  }
}

/** A small white symbol in the header for each kind of group. */
function drawIcon(g: Phaser.GameObjects.Graphics, kind: GroupKind, x: number, y: number): void {
  g.fillStyle(0xffffff, 0.95);
  g.lineStyle(2.5, 0xffffff, 0.95);
  switch (kind) {
    case "team": // Two heads: people working together.
      g.fillCircle(x - 5, y - 4, 4);
      g.fillCircle(x + 5, y - 4, 4);
      g.fillRoundedRect(x - 11, y + 1, 12, 8, 3);
      g.fillRoundedRect(x - 1, y + 1, 12, 8, 3);
      break;
    case "platform": // A gear.
      for (let i = 0; i < 8; i++) {
        const a = (i * Math.PI) / 4;
        g.fillCircle(x + Math.cos(a) * 8, y + Math.sin(a) * 8, 2.6);
      }
      g.fillCircle(x, y, 7);
      g.fillStyle(KIND_COLOURS.platform, 1);
      g.fillCircle(x, y, 3);
      break;
    case "gatekeeper": // A shield.
      g.fillPoints(
        [
          { x: x - 9, y: y - 10 },
          { x: x + 9, y: y - 10 },
          { x: x + 9, y: y + 1 },
          { x, y: y + 11 },
          { x: x - 9, y: y + 1 },
        ] as Phaser.Math.Vector2[],
        true,
      );
      break;
    case "business": // A briefcase.
      g.strokeRoundedRect(x - 4, y - 10, 8, 6, 2);
      g.fillRoundedRect(x - 11, y - 5, 22, 15, 3);
      break;
    case "vendor": // A building elsewhere.
      g.fillRect(x - 9, y - 10, 11, 20);
      g.fillRect(x + 3, y - 3, 7, 13);
      g.fillStyle(KIND_COLOURS.vendor, 1);
      for (let r = 0; r < 3; r++) g.fillRect(x - 6, y - 7 + r * 6, 5, 3);
      break;
    case "leadership": // A star.
      g.fillPoints(
        Array.from({ length: 10 }, (_, i) => {
          const a = -Math.PI / 2 + (i * Math.PI) / 5;
          const rr = i % 2 ? 4.5 : 11;
          return { x: x + Math.cos(a) * rr, y: y + Math.sin(a) * rr };
        }) as Phaser.Math.Vector2[],
        true,
      );
      break;
  }
}
