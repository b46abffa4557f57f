import { useState } from "preact/hooks";
import type { ActiveRun } from "../app/store";
import { lookup } from "../engine/index";
import { useSession } from "./session-context";

/** Rewind to any earlier decision: the run is rebuilt from its seed and the choices before it. */
export function RewindMenu({ run }: { run: ActiveRun }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const decisions = run.state.history.log.flatMap((e) => (e.kind === "choice" ? [e] : []));
  if (decisions.length === 0) return null;
  return (
    <div class="rewind">
      <button
        type="button"
        class="quiet"
        aria-expanded={open}
        aria-controls="rewind-list"
        onClick={() => setOpen(!open)}
      >
        Rewind
      </button>
      {open && (
        <ul id="rewind-list" class="rewind-list" aria-label="Earlier decisions">
          {decisions.map((d, i) => {
            const title = lookup(run.scenario.nodes, d.node)?.title ?? d.node;
            return (
              <li key={`${i}-${d.node}`}>
                <button
                  type="button"
                  onClick={() => {
                    setOpen(false);
                    void session.rewind(i);
                  }}
                >
                  Rewind to decision {i + 1}: {title} (week {d.week})
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
