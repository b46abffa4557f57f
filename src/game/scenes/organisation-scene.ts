import * as Phaser from "phaser";
import type { RunState } from "../../engine/index";
import { FLOOR, PAPER } from "../palette";
import { BudgetTank } from "../views/budget-tank";
import { GroupTile, type InboxItem } from "../views/group-tile";
import { Header } from "../views/header";
import { LinkLayer } from "../views/links";
import { Pipeline } from "../views/pipeline";
import { SiloWall } from "../views/silo-wall";
import { label } from "../views/text";
import {
  animationFrames,
  type Box,
  changesBetween,
  type Frame,
  frameAt,
  metricViews,
  ORG_AREA,
  PIPELINE_AREA,
  queueTickets,
  startMetrics,
  TANK_AREA,
  WORLD_HEIGHT,
  WORLD_WIDTH,
  type WorldModel,
  worldModel,
} from "../world-model";
import type { WorldSource } from "../world-source";

/** Milliseconds each simulated week takes on screen, and the bounds of a whole choice's animation. */
const WEEK_MS = 450;
const MIN_MS = 600;
const MAX_MS = 2600;

/**
 * The organisation as a place. It reads the source and animates from what it showed to the run's new state:
 * weeks tick by, the budget drains, moods and links change colour, queues grow, then walls rise or crumble.
 * It decides nothing.
 */
export class OrganisationScene extends Phaser.Scene {
  private model!: WorldModel;
  private shown!: Frame;
  /** Where the latest run ends up once its animation is over. */
  private target!: Frame;
  private readonly tiles = new Map<string, GroupTile>();
  private walls: SiloWall[] = [];
  private links!: LinkLayer;
  private pipeline!: Pipeline;
  private tank!: BudgetTank;
  private header!: Header;
  private readonly transient = new Set<Phaser.GameObjects.GameObject>();
  private lastRun: RunState | null = null;

  constructor(
    private readonly source: WorldSource,
    /** Canvas pixels per world pixel. */
    private readonly zoom: number,
    private readonly ready: (scene: OrganisationScene) => void,
  ) {
    super({ key: "organisation" });
  }

  create(): void {
    const scenario = this.source.scenario();
    const run = this.source.run();
    this.lastRun = run;
    this.model = worldModel(scenario, run);
    this.shown = { week: this.model.week, metrics: run?.metrics ?? startMetrics(scenario) };
    this.target = this.shown;

    this.cameras.main.setZoom(this.zoom).centerOn(WORLD_WIDTH / 2, WORLD_HEIGHT / 2);
    const floor = this.add.graphics();
    floor.fillStyle(PAPER, 1);
    floor.fillRect(0, 0, WORLD_WIDTH, WORLD_HEIGHT);
    floor.fillStyle(FLOOR, 1);
    floor.fillRoundedRect(ORG_AREA.x - 32, ORG_AREA.y - 36, ORG_AREA.w + 64, ORG_AREA.h + 64, 18);

    this.header = new Header(this, this.model.trust !== null);
    this.links = new LinkLayer(this, (id) => this.tiles.get(id)?.centre());
    this.model.groups.forEach((g, i) => {
      const hasInbox = this.model.queues.some((q) => q.at === g.id);
      this.tiles.set(g.id, new GroupTile(this, g, i, hasInbox));
    });
    this.walls = this.model.walls.map((w) => new SiloWall(this, w));
    this.pipeline = new Pipeline(this);
    this.tank = new BudgetTank(this, this.model.money?.label ?? null);
    if (this.model.groups.length === 0) {
      label(this, ORG_AREA.x + ORG_AREA.w / 2, ORG_AREA.y + 160, "No groups in this story", {
        align: "center",
      });
    }
    this.render(this.shown, this.model, null);
    this.ready(this);
  }

  override update(_time: number, delta: number): void {
    if (this.source.reducedMotion()) return;
    // A long pause (a background tab) must not jump things across the screen.
    const step = Math.min(delta, 100);
    this.links.advance(step);
    this.pipeline.advance(step);
    this.tank.advance(step);
  }

  /** Shows the source's current run: animated from what is on screen, or at once under reduced motion. */
  showRun(): WorldModel {
    const scenario = this.source.scenario();
    const run = this.source.run();
    // The store may notify for changes that are not the run's (settings, panels): nothing to show then.
    if (run === this.lastRun) return this.model;
    this.lastRun = run;
    const next = worldModel(scenario, run);
    const prev = this.model;
    const start = this.settle();
    this.model = next;
    const final: Frame = { week: next.week, metrics: run?.metrics ?? startMetrics(scenario) };
    this.target = final;
    if (this.source.reducedMotion() || !run || run.choices.length === 0 || next.week < start.week) {
      this.jump(final, next);
      return next;
    }
    const frames = animationFrames(start, run);
    const changes = changesBetween(prev, next);
    if (changes.metrics.has("trust")) this.pulse({ x: 610, y: 12, w: 414, h: 46 }, 0xffb703);
    if (changes.metrics.has("money")) this.pulse(TANK_AREA, 0xffb703);
    if (changes.metrics.has("velocity")) this.pulse(PIPELINE_AREA, 0xffb703);
    this.tank.setDraining((next.money?.value ?? 0) < (prev.money?.value ?? 0));
    const duration = Math.min(MAX_MS, Math.max(MIN_MS, (next.week - start.week) * WEEK_MS));
    this.tweens.addCounter({
      from: 0,
      to: frames.length - 1,
      duration,
      ease: "Sine.easeInOut",
      onUpdate: (tween) => {
        this.shown = frameAt(frames, tween.getValue() ?? 0);
        this.render(this.shown, next, prev);
      },
      onComplete: () => {
        this.tank.setDraining(false);
        this.shown = final;
        this.render(final, next, null);
        this.afterWeeks(prev, next);
      },
    });
    return next;
  }

  /** Ends any animation in progress at its final state and returns what is now shown. */
  private settle(): Frame {
    this.tweens.killAll();
    for (const o of this.transient) o.destroy();
    this.transient.clear();
    this.shown = this.target;
    for (const w of this.walls) w.set(this.model.walls.find((m) => m.key === w.wall.key)?.standing ? 1 : 0);
    this.tank.setDraining(false);
    return this.shown;
  }

  private jump(final: Frame, next: WorldModel): void {
    this.shown = final;
    this.render(final, next, null);
    for (const w of this.walls) w.set(next.walls.find((m) => m.key === w.wall.key)?.standing ? 1 : 0);
  }

  /** After the weeks have passed: walls rise or crumble, finished queues say so, changed groups pulse. */
  private afterWeeks(prev: WorldModel, next: WorldModel): void {
    for (const wall of this.walls) {
      const standing = next.walls.find((w) => w.key === wall.wall.key)?.standing ?? false;
      const target = standing ? 1 : 0;
      if (wall.shown === target) continue;
      this.tweens.addCounter({
        from: wall.shown,
        to: target,
        duration: standing ? 800 : 700,
        ease: standing ? "Back.easeOut" : "Quad.easeIn",
        onUpdate: (t) => wall.set(t.getValue() ?? target),
        onComplete: () => wall.set(target),
      });
    }
    for (const q of next.queues) {
      const old = prev.queues.find((o) => o.key === q.key);
      const tile = this.tiles.get(q.at);
      if (old?.waiting && !q.waiting && tile) this.floatText(tile.group.box, `✓ ${q.label}: done`);
    }
    for (const id of changesBetween(prev, next).groups) {
      const tile = this.tiles.get(id);
      if (tile) this.pulse(tile.group.box, 0xffb703);
    }
  }

  /** Draws everything for one frame: metrics from `frame`; queues at its week (growing from `prev`). */
  private render(frame: Frame, model: WorldModel, prev: WorldModel | null): void {
    const views = metricViews(this.source.scenario(), frame.metrics);
    this.header.set(frame.week, model.ended && prev === null ? (model.endingTitle ?? "") : null, views.trust);
    this.tank.set(views.money);
    this.pipeline.set(views.velocity);
    // Links are cut or mended when the walls move, after the weeks have passed.
    this.links.draw((prev ?? model).links, views.trust?.level ?? null);
    const mood = views.trust ? views.trust.level * 2 - 1 : 0.4;
    const behind = model.week - frame.week;
    const inboxes = new Map<string, InboxItem[]>();
    for (const q of model.queues) {
      const old = prev?.queues.find((o) => o.key === q.key);
      let weeks: number | null = null;
      if (q.waiting) weeks = Math.max(0, Math.round(q.weeksWaited - behind));
      // Still animating towards a state where it no longer waits: it keeps growing until the weeks are over.
      else if (old?.waiting) weeks = Math.round(old.weeksWaited + (frame.week - (prev?.week ?? frame.week)));
      if (weeks === null) continue;
      const list = inboxes.get(q.at) ?? [];
      list.push({
        label: q.label,
        weeks,
        tickets: queueTickets({ ...q, waiting: true, weeksWaited: weeks }),
      });
      inboxes.set(q.at, list);
    }
    for (const tile of this.tiles.values()) {
      tile.drawPeople(mood);
      tile.drawInbox(inboxes.get(tile.group.id) ?? []);
    }
  }

  private pulse(box: Box, colour: number): void {
    const g = this.add.graphics({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
    g.lineStyle(5, colour, 1);
    g.strokeRoundedRect(-box.w / 2, -box.h / 2, box.w, box.h, 18);
    this.transient.add(g);
    this.tweens.add({
      targets: g,
      scale: 1.02,
      alpha: 0,
      duration: 900,
      ease: "Quad.easeOut",
      onComplete: () => {
        this.transient.delete(g);
        g.destroy();
      },
    });
  }

  private floatText(box: Box, text: string): void {
    const t = label(this, box.x + box.w / 2, box.y + box.h - 40, text, {
      size: 16,
      bold: true,
      colour: "#ffffff",
      align: "center",
    });
    t.setBackgroundColor("#2f8f5b").setPadding(8, 4, 8, 4);
    this.transient.add(t);
    this.tweens.add({
      targets: t,
      y: box.y + box.h - 90,
      alpha: { from: 1, to: 0 },
      delay: 900,
      duration: 1400,
      ease: "Quad.easeIn",
      onComplete: () => {
        this.transient.delete(t);
        t.destroy();
      },
    });
  }
}
