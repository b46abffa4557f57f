import { useState } from "preact/hooks";
import type { WorkshopListing } from "../../app/workshop/workshop-repository";
import { repository } from "./use-workshop";
import { consoleHash } from "./workshop-route";

/** The workshops kept in this browser: resume one, delete old ones; records that cannot be read, set aside. */
export function SessionList({ listing, onChange }: { listing: WorkshopListing; onChange: () => void }) {
  const [said, setSaid] = useState("");
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Your workshops</h2>
      {listing.sessions.length === 0 ? (
        <p>No workshop yet. Set one up below.</p>
      ) : (
        <ul class="workshop-list" aria-labelledby="sessions-heading">
          {listing.sessions.map((s) => (
            <li key={s.id} class="card">
              <span>
                <strong>{s.name}</strong>
                <span class="muted">
                  {" "}
                  · {s.scenarioTitle} · {s.teams.length} teams ·{" "}
                  {s.phase === "debrief"
                    ? "debrief"
                    : s.phase === "setup"
                      ? "not started"
                      : `round ${s.round}`}{" "}
                  · last changed {new Date(s.updatedAt).toLocaleString()}
                </span>
              </span>
              <span class="button-row">
                <a class="button" href={consoleHash(s.id)} aria-label={`Resume ${s.name}`}>
                  Resume
                </a>
                <button
                  type="button"
                  class="quiet"
                  aria-label={`Delete ${s.name}`}
                  onClick={async () => {
                    await repository.remove(s.id);
                    setSaid(`Deleted ${s.name}.`);
                    onChange();
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p role="status">{said}</p>
      {listing.setAside.length > 0 && (
        <section class="set-aside" aria-labelledby="ws-aside-heading">
          <h3 id="ws-aside-heading">Workshops set aside</h3>
          <p>These could not be opened; they are kept until you remove them.</p>
          <ul>
            {listing.setAside.map((a) => (
              <li key={a.id}>
                <span>
                  {a.id}: {a.reason}
                </span>
                <button
                  type="button"
                  class="quiet"
                  aria-label={`Remove ${a.id}`}
                  onClick={async () => {
                    await repository.removeSetAside(a.id);
                    onChange();
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
