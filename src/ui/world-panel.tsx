import { useEffect, useRef, useState } from "preact/hooks";
import type { ActiveRun } from "../app/store";
import type { StartWorld, WorldHandle, WorldSource } from "../game/world-source";
import { useSession } from "./session-context";

type WorldModule = { startWorld?: StartWorld; default?: StartWorld };

// A glob rather than a plain import(): the world may not be in the tree yet, and the build must work without it.
const loaders = import.meta.glob<WorldModule>("../game/world.ts");
const loadWorld = loaders["../game/world.ts"];

/** The panel where the Phaser world is drawn; loaded after the decision is on screen, never before. */
export function WorldPanel({ run }: { run: ActiveRun }) {
  const session = useSession();
  const parent = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const scenario = run.scenario;

  useEffect(() => {
    const element = parent.current;
    if (!loadWorld || !element) return;
    let handle: WorldHandle | null = null;
    let cancelled = false;
    const source: WorldSource = {
      scenario: () => scenario,
      run: () => {
        const current = session.store.getState().run;
        return current && current.scenario === scenario ? current.state : null;
      },
      subscribe: (listener) =>
        session.store.subscribe((next, prev) => {
          if (next.run !== prev.run) listener();
        }),
      reducedMotion: () => session.store.getState().settings.reducedMotion,
    };
    const start = async () => {
      try {
        const mod = await loadWorld();
        const startWorld = mod.startWorld ?? mod.default;
        if (!startWorld || cancelled) return;
        const h = await startWorld(element, source);
        if (cancelled) h.destroy();
        else handle = h;
      } catch {
        if (!cancelled) setFailed(true);
      }
    };
    // After the first screen is interactive: the world is a picture of the run, not needed to decide.
    const timer = window.setTimeout(() => void start(), 50);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      handle?.destroy();
    };
  }, [session, scenario]);

  if (!loadWorld || failed) return null;
  return (
    <section class="world" aria-label="The organisation">
      <div ref={parent} class="world-canvas" />
    </section>
  );
}
