import { useState } from "preact/hooks";
import { formatRoute } from "../app/route";
import type { SaveRecord } from "../app/save-format";
import { useSession } from "./session-context";

const SHOWN = 5;

/** Saved runs to continue or delete, newest first. */
export function SavedRuns({ saves }: { saves: SaveRecord[] }) {
  const session = useSession();
  const [all, setAll] = useState(false);
  if (saves.length === 0) return null;
  const shown = all ? saves : saves.slice(0, SHOWN);
  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">Continue a saved run</h2>
      <ul class="saved-runs" aria-label="Saved runs">
        {shown.map((save) => {
          const when = new Date(save.updatedAt).toLocaleString();
          const what = `${save.scenarioTitle}, week ${save.week}${statusText(save)}`;
          return (
            <li key={save.id}>
              <span>
                {what} <span class="muted">(saved {when})</span>
              </span>
              <a
                class="button"
                href={formatRoute({ kind: "play", scenarioId: save.scenarioId, runId: save.id })}
                aria-label={`Continue ${what}, saved ${when}`}
              >
                Continue
              </a>
              <button
                type="button"
                class="quiet"
                aria-label={`Delete ${what}, saved ${when}`}
                onClick={() => void session.deleteSave(save.id)}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      {saves.length > SHOWN && (
        <button type="button" class="quiet" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the ${SHOWN} latest only` : `Show all ${saves.length} saved runs`}
        </button>
      )}
    </section>
  );
}

function statusText(save: SaveRecord): string {
  if (save.status === "ended") return ", finished";
  if (save.status === "stuck") return ", stuck";
  return "";
}
