import type { LibraryEntry } from "../../app/authoring/library-repository";

/** Earlier texts of the scenario, newest first; restoring one keeps the current text as a version too. */
export function VersionHistory({
  entry,
  onRestore,
}: {
  entry: LibraryEntry;
  onRestore: (index: number) => Promise<void>;
}) {
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <p class="muted">
        Every save keeps the text it replaced (while you type, one version a minute), up to 50. Restoring a
        version keeps the current text here too.
      </p>
      {entry.versions.length === 0 ? (
        <p>No earlier versions yet.</p>
      ) : (
        <ol class="versions" aria-labelledby="versions-heading">
          {entry.versions.map((v, i) => {
            const when = new Date(v.savedAt).toLocaleString("en-GB");
            return (
              <li key={`${v.savedAt}-${i}`}>
                <span>
                  {when} · {v.note} · {v.yaml.split("\n").length} lines
                </span>{" "}
                <button
                  type="button"
                  class="button small"
                  aria-label={`Restore the version of ${when} (${v.note})`}
                  onClick={() => void onRestore(i)}
                >
                  Restore
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
