// The world view's entry point. The UI loads this module with a dynamic import(), so Phaser arrives in its own
// chunk after the first screen is interactive.
import * as Phaser from "phaser";
import { PAPER } from "./palette";
import { OrganisationScene } from "./scenes/organisation-scene";
import { pixelsPerWorldPixel, WORLD_HEIGHT, WORLD_WIDTH, worldModel } from "./world-model";
import type { StartWorld, WorldHandle } from "./world-source";

/**
 * Mounts the organisation in `parent`: a canvas that fits the parent's width at 16:9, inside a `role="img"`
 * container whose aria-label describes the world and follows every change of the run.
 */
export const startWorld: StartWorld = async (parent, source) => {
  const frame = document.createElement("div");
  frame.className = "world-view";
  frame.setAttribute("role", "img");
  frame.style.width = "100%";
  frame.style.aspectRatio = `${WORLD_WIDTH} / ${WORLD_HEIGHT}`;
  frame.style.position = "relative";
  frame.setAttribute("aria-label", worldModel(source.scenario(), source.run()).summary);
  parent.append(frame);

  const zoom = pixelsPerWorldPixel(frame.getBoundingClientRect().width, window.devicePixelRatio || 1);
  let game: Phaser.Game | null = null;
  const scene = await new Promise<OrganisationScene>((resolve, reject) => {
    try {
      game = new Phaser.Game({
        type: Phaser.CANVAS,
        parent: frame,
        width: WORLD_WIDTH * zoom,
        height: WORLD_HEIGHT * zoom,
        backgroundColor: PAPER,
        // The scene's floor covers the whole canvas, so clearing it first would only paint every pixel twice.
        clearBeforeRender: false,
        banner: false,
        audio: { noAudio: true },
        input: { keyboard: false, mouse: false, touch: false, gamepad: false },
        scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
        scene: [new OrganisationScene(source, zoom, resolve)],
      });
    } catch (e) {
      reject(e);
    }
  });
  const canvas = frame.querySelector("canvas");
  // The picture is decoration: the aria-label on the frame carries its meaning, so the canvas itself is hidden.
  canvas?.setAttribute("aria-hidden", "true");

  const unsubscribe = source.subscribe(() => {
    const model = scene.showRun();
    frame.setAttribute("aria-label", model.summary);
  });

  const handle: WorldHandle = {
    destroy() {
      unsubscribe();
      (game as Phaser.Game | null)?.destroy(true);
      game = null;
      frame.remove();
    },
  };
  return handle;
};
