import { useEffect, useRef, useState } from "preact/hooks";
import { IMPORT_ACCEPT, importFile } from "../../app/authoring/import-file";
import type { LibraryEntry, LibraryRepository, SetAsideEntry } from "../../app/authoring/library-repository";
import { newScenarioTemplate } from "../../app/authoring/template";
import { loadBundledScenarios } from "../../app/bundled-scenarios";
import {
  type PublishedScenario,
  PublishedScenarioStore,
  type SetAsidePublished,
} from "../../app/scenario-library";

type Listing = {
  entries: LibraryEntry[];
  setAside: SetAsideEntry[];
  deleted: LibraryEntry[];
  published: PublishedScenario[];
  publishedAside: SetAsidePublished[];
};

/** The author's scenario library: new from the template, import, open, duplicate, rename, delete, restore. */
export function LibraryList({ library }: { library: LibraryRepository }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const publishedStore = useRef(new PublishedScenarioStore()).current;
  const refresh = () =>
    Promise.all([library.list(), publishedStore.list()]).then(
      ([own, pub]) => setListing({ ...own, published: pub.published, publishedAside: pub.setAside }),
      (e: unknown) =>
        setMessage({ text: `The library could not be read: ${(e as Error)?.message ?? e}`, alert: true }),
    );
  useEffect(() => {
    void refresh();
    heading.current?.focus();
    return library.onChangeElsewhere(() => void refresh());
  }, []);

  const create = async (e: Event) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem("name") as HTMLInputElement;
    const name = input.value.trim() || "My scenario";
    const entry = await library.create(
      name,
      newScenarioTemplate(scenarioIdFor(name), name),
      "New from the template",
    );
    location.hash = `#/author/${encodeURIComponent(entry.id)}`;
  };

  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = "";
    const result = await importFile(library, file.name, text);
    if (!result.ok) {
      setMessage({ text: result.reason, alert: true });
      return;
    }
    location.hash = `#/author/${encodeURIComponent(result.entry.id)}`;
  };

  return (
    <main class="screen author-library">
      <p>
        <a href="#/">Back to the game</a>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        Your scenarios
      </h1>
      <p class="tagline">
        Turn an engagement story into a scenario: write it in YAML with live checks, see its graph, play-test
        any part of it, check its balance, then publish it to the scenario picker.
      </p>
      {message && (
        <p class="notice" role={message.alert ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      <div class="library-actions">
        <form class="card" onSubmit={create}>
          <h2>New scenario</h2>
          <label>
            Name of the new scenario <input name="name" type="text" placeholder="My scenario" />
          </label>{" "}
          <button type="submit" class="button primary">
            Create from the template
          </button>
        </form>
        <div class="card">
          <h2>Import a file</h2>
          <label>
            Import a YAML, Twee or Twine HTML file{" "}
            <input type="file" accept={IMPORT_ACCEPT} onChange={(e) => void onFile(e)} />
          </label>
          <p class="muted">The file becomes a new scenario in your library; nothing you have is changed.</p>
        </div>
      </div>
      <section aria-labelledby="library-heading">
        <h2 id="library-heading">Library</h2>
        {listing === null ? (
          <p>Loading…</p>
        ) : listing.entries.length === 0 ? (
          <p>No scenarios yet. Create one from the template or import a file.</p>
        ) : (
          <ul class="library-entries" aria-labelledby="library-heading">
            {listing.entries.map((entry) => (
              <li key={entry.id} class="card">
                <a class="entry-name" href={`#/author/${encodeURIComponent(entry.id)}`}>
                  {entry.name}
                </a>
                <span class="muted">
                  {" "}
                  · changed {new Date(entry.updatedAt).toLocaleString("en-GB")} · {entry.origin}
                </span>
                {renaming === entry.id ? (
                  <form
                    class="rename"
                    onSubmit={async (e) => {
                      e.preventDefault();
                      const input = (e.target as HTMLFormElement).elements.namedItem(
                        "name",
                      ) as HTMLInputElement;
                      await library.rename(entry.id, input.value);
                      setRenaming(null);
                      await refresh();
                    }}
                  >
                    <label>
                      New name for {entry.name} <input name="name" type="text" defaultValue={entry.name} />
                    </label>{" "}
                    <button type="submit" class="button small">
                      Save name
                    </button>{" "}
                    <button type="button" class="button small" onClick={() => setRenaming(null)}>
                      Cancel
                    </button>
                  </form>
                ) : (
                  <div class="entry-actions">
                    <button
                      type="button"
                      class="button small"
                      aria-label={`Rename ${entry.name}`}
                      onClick={() => setRenaming(entry.id)}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      class="button small"
                      aria-label={`Duplicate ${entry.name}`}
                      onClick={async () => {
                        await library.duplicate(entry.id);
                        await refresh();
                      }}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      class="button small"
                      aria-label={`Delete ${entry.name}`}
                      onClick={async () => {
                        await library.remove(entry.id);
                        setMessage({ text: `“${entry.name}” was moved to Recently deleted.`, alert: false });
                        await refresh();
                      }}
                    >
                      Delete
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {listing && listing.published.length > 0 && (
        <section aria-labelledby="published-heading">
          <h2 id="published-heading">Published</h2>
          <p class="muted">These are in the game's scenario picker.</p>
          <ul class="library-entries" aria-labelledby="published-heading">
            {listing.published.map((p) => (
              <li key={p.id}>
                <a href={`#/play/${encodeURIComponent(p.id)}`}>Play {p.title}</a>{" "}
                <span class="muted">
                  ({p.id}, published {new Date(p.publishedAt).toLocaleString("en-GB")})
                </span>{" "}
                <button
                  type="button"
                  class="button small"
                  aria-label={`Unpublish ${p.title}`}
                  onClick={async () => {
                    await publishedStore.unpublish(p.id);
                    setMessage({
                      text: `“${p.title}” is no longer in the scenario picker. Its text is still in your library.`,
                      alert: false,
                    });
                    await refresh();
                  }}
                >
                  Unpublish
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {listing && listing.deleted.length > 0 && (
        <section aria-labelledby="deleted-heading">
          <h2 id="deleted-heading">Recently deleted</h2>
          <ul class="library-entries" aria-labelledby="deleted-heading">
            {listing.deleted.map((entry) => (
              <li key={entry.id}>
                {entry.name}{" "}
                <button
                  type="button"
                  class="button small"
                  aria-label={`Restore ${entry.name}`}
                  onClick={async () => {
                    await library.restoreDeleted(entry.id);
                    await refresh();
                  }}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {listing && listing.setAside.length + listing.publishedAside.length > 0 && (
        <section class="set-aside" aria-labelledby="library-aside-heading">
          <h2 id="library-aside-heading">Set aside</h2>
          <p>These stored scenarios could not be read. They are kept, not deleted.</p>
          <ul>
            {listing.setAside.map((s) => (
              <li key={`${s.key}-${s.setAsideAt}`}>
                <span>
                  {s.key}: {s.reason}
                </span>
              </li>
            ))}
            {listing.publishedAside.map((s) => (
              <li key={`published-${s.key}-${s.setAsideAt}`}>
                <span>
                  Published “{s.key}”: {s.reason}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

/** A scenario id for a new scenario: its name in lower-case words, never a bundled scenario's id. */
export function scenarioIdFor(name: string): string {
  const slug =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || "my-scenario";
  const bundled = new Set(loadBundledScenarios().flatMap((b) => (b.ok ? [b.scenario.id] : [])));
  return bundled.has(slug) ? `${slug}-mine` : slug;
}
