import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { clearDraft, readDraft, writeDraft } from "../../app/authoring/draft-backup";
import type { LibraryEntry, LibraryRepository, SaveResult } from "../../app/authoring/library-repository";
import { type Outline, outlineOf } from "../../app/authoring/outline";
import { loadBundledScenarios } from "../../app/bundled-scenarios";
import { PublishedScenarioStore, publishProblem } from "../../app/scenario-library";
import type { LoadResult } from "../../engine/index";
import { loadScenario } from "../../engine/load";
import { downloadText } from "../download";
import { BalanceReport } from "./balance-report";
import { DiagnosticsList } from "./diagnostics-list";
import { PlayTest } from "./play-test";
import { ScenarioGraph } from "./scenario-graph";
import { VersionHistory } from "./version-history";
import { type EditorHandle, YamlEditor } from "./yaml-editor";

const AUTOSAVE_MS = 800;
const CHECK_MS = 250;
type Tab = "graph" | "play-test" | "report" | "versions";
const TABS: { id: Tab; label: string }[] = [
  { id: "graph", label: "Graph" },
  { id: "play-test", label: "Play-test" },
  { id: "report", label: "Balance report" },
  { id: "versions", label: "Versions" },
];

/** One library scenario: the YAML editor with its problems, and the graph, play-test, report and versions. */
export function EditorScreen({ library, id }: { library: LibraryRepository; id: string }) {
  const [entry, setEntry] = useState<LibraryEntry | null | undefined>(undefined);
  useEffect(() => {
    library.get(id).then(setEntry, () => setEntry(null));
  }, [id]);
  if (entry === undefined) return <main class="screen">Loading…</main>;
  if (entry === null) {
    return (
      <main class="screen">
        <h1>Not found</h1>
        <p>There is no scenario with this address in your library (it may have been deleted).</p>
        <a href="#/author">Back to your scenarios</a>
      </main>
    );
  }
  const draft = readDraft(entry.id);
  if (draft && draft.yaml === entry.yaml) clearDraft(entry.id);
  return (
    <Editor library={library} initial={entry} draft={draft && draft.yaml !== entry.yaml ? draft : null} />
  );
}

function Editor({
  library,
  initial,
  draft,
}: {
  library: LibraryRepository;
  initial: LibraryEntry;
  /** Typing that had not reached the library when the page closed, taken back now. */
  draft: { yaml: string; baseRevision: number } | null;
}) {
  const start = draft?.yaml ?? initial.yaml;
  const [entry, setEntry] = useState(initial);
  const [text, setText] = useState(start);
  const [checked, setChecked] = useState(() => check(start));
  const [saveState, setSaveState] = useState<"saved" | "unsaved" | "saving" | "failed">(
    draft ? "unsaved" : "saved",
  );
  const [notice, setNotice] = useState<string | null>(
    draft ? "Typing that had not been saved when the page closed was recovered and saved." : null,
  );
  const [tab, setTab] = useState<Tab>("graph");
  /** The node last picked in the graph: the play-test starts there by default. */
  const [picked, setPicked] = useState<string | null>(null);
  const [published, setPublished] = useState<{ id: string; message: string } | null>(null);
  const editor = useRef<EditorHandle | null>(null);
  const textRef = useRef(text);
  const revision = useRef(draft?.baseRevision ?? initial.revision);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const bundledIds = useMemo(() => loadBundledScenarios().flatMap((b) => (b.ok ? [b.scenario.id] : [])), []);

  const applySave = (r: SaveResult) => {
    revision.current = r.entry.revision;
    setEntry(r.entry);
    if (r.kind === "conflict" || r.kind === "recreated") setNotice(r.message);
  };

  /** Saves the text now (after any save in flight); autosaves and explicit saves share the queue. */
  const save = (kind: "auto" | "explicit" = "auto"): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    saving.current = saving.current.then(async () => {
      const yaml = textRef.current;
      setSaveState("saving");
      try {
        applySave(await library.save(initial.id, yaml, { baseRevision: revision.current, kind }));
        if (textRef.current === yaml) {
          clearDraft(initial.id);
          setSaveState("saved");
        } else setSaveState("unsaved");
      } catch (e) {
        setSaveState("failed");
        setNotice(
          `Saving failed: ${(e as Error)?.message ?? e}. Your text is still here; copy it somewhere safe.`,
        );
      }
    });
    return saving.current;
  };

  // Check the text a moment after typing stops, and autosave a little later.
  useEffect(() => {
    const t = setTimeout(() => setChecked(check(text)), CHECK_MS);
    return () => clearTimeout(t);
  }, [text]);

  useEffect(() => {
    heading.current?.focus();
    if (draft) void save("explicit");
    const flush = () => {
      if (!timer.current) return;
      // Synchronously first: the page may be gone before the asynchronous save finishes.
      writeDraft(initial.id, textRef.current, revision.current);
      void save();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    const stop = library.onChangeElsewhere(async (changed) => {
      if (changed !== initial.id) return;
      const stored = await library.get(initial.id);
      if (!stored || stored.revision === revision.current) return;
      if (timer.current || stored.yaml === textRef.current) {
        // Unsaved typing here: the next save keeps both texts (the other tab's as a version).
        if (stored.yaml !== textRef.current) {
          setNotice("This scenario was changed in another tab. When this tab saves, both texts are kept.");
        }
        return;
      }
      revision.current = stored.revision;
      textRef.current = stored.yaml;
      editor.current?.setText(stored.yaml);
      setEntry(stored);
      setNotice("This scenario was changed in another tab; the editor now shows that text.");
    });
    return () => {
      flush();
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
    };
  }, []);

  const onChange = (next: string) => {
    textRef.current = next;
    setText(next);
    if (next === entry.yaml) return;
    setSaveState("unsaved");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };

  const result = checked.result;
  const problem = publishProblem(result, bundledIds);
  const publish = async () => {
    await save("explicit");
    const r = await new PublishedScenarioStore().publish(textRef.current, {
      bundledIds,
      libraryId: initial.id,
    });
    if (!r.ok) setPublished({ id: "", message: `Not published: ${r.reason}` });
    else
      setPublished({
        id: r.record.id,
        message: `${r.replaced ? "Published again" : "Published"}: “${r.record.title}” is now in the scenario picker.`,
      });
  };

  const exportFile = () => {
    const name = `${(result.ok ? result.scenario.id : entry.name).replace(/[^A-Za-z0-9_-]+/g, "-")}.yaml`;
    downloadText(name, textRef.current, "text/yaml");
  };

  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  return (
    <main class="screen author-editor">
      <header class="editor-header">
        <p>
          <a href="#/author">All your scenarios</a> · <a href="#/">Back to the game</a>
        </p>
        <h1 ref={heading} tabIndex={-1}>
          {entry.name}
        </h1>
        <p role="status" class="save-state">
          {saveState === "saved" && `Saved ${new Date(entry.updatedAt).toLocaleTimeString("en-GB")}`}
          {saveState === "unsaved" && "Unsaved changes"}
          {saveState === "saving" && "Saving…"}
          {saveState === "failed" && "Not saved"}
        </p>
        <div class="editor-actions">
          <button
            type="button"
            class="button primary"
            disabled={problem !== null}
            aria-describedby="publish-why"
            onClick={() => void publish()}
          >
            Publish
          </button>
          <button type="button" class="button" onClick={exportFile}>
            Export file
          </button>
          <span id="publish-why" class="muted">
            {problem === null
              ? "Publishing puts it in the game's scenario picker."
              : `Cannot publish yet: ${problem}`}
          </span>
        </div>
        {published && (
          <p class="notice" role="status">
            {published.message}{" "}
            {published.id && <a href={`#/play/${encodeURIComponent(published.id)}`}>Play it now</a>}
          </p>
        )}
        {notice && (
          <p class="notice" role="alert">
            {notice}{" "}
            <button type="button" class="button small" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
      </header>
      {entry.notes.length > 0 && (
        <section class="import-notes" aria-labelledby="import-notes-heading">
          <h2 id="import-notes-heading">Import warnings</h2>
          <p>{entry.origin}. The importer could not map everything faithfully:</p>
          <ul aria-labelledby="import-notes-heading">
            {entry.notes.map((n, i) => (
              <li key={`${i}-${n.message}`}>
                {n.passage !== undefined ? <strong>Passage “{n.passage}”: </strong> : null}
                {n.message}
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="button small"
            onClick={async () => {
              await library.dismissNotes(initial.id);
              setEntry({ ...entry, notes: [] });
            }}
          >
            Dismiss the import warnings
          </button>
        </section>
      )}
      <div class="editor-layout">
        <section class="editor-column" aria-labelledby="yaml-heading">
          <h2 id="yaml-heading">Scenario file</h2>
          <YamlEditor
            initial={start}
            diagnostics={result.diagnostics}
            outline={checked.outline}
            onChange={onChange}
            onBlur={() => {
              if (timer.current) void save();
            }}
            handle={editor}
          />
          <DiagnosticsList
            diagnostics={result.diagnostics}
            onSelect={(line, column) => editor.current?.goToLine(line, column)}
          />
        </section>
        <section class="side-column" aria-label="Graph, play-test, report and versions">
          <div role="tablist" aria-label="Views of the scenario" class="tabs">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
                onKeyDown={(e) => {
                  const i = TABS.findIndex((x) => x.id === tab);
                  const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
                  if (step === 0) return;
                  const next = TABS[(i + step + TABS.length) % TABS.length]!;
                  setTab(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="tab-panel">
            {tab === "graph" &&
              (checked.outline ? (
                <ScenarioGraph
                  outline={checked.outline}
                  onSelect={(id, line) => {
                    setPicked(id);
                    editor.current?.goToLine(line);
                  }}
                />
              ) : (
                <p>The graph appears once the file reads as YAML.</p>
              ))}
            {tab === "play-test" &&
              (result.ok ? (
                <PlayTest scenario={result.scenario} focusNode={picked} />
              ) : (
                <NeedsFixing errors={errors} what="play-test it" />
              ))}
            {tab === "report" &&
              (result.ok ? (
                <BalanceReport scenario={result.scenario} yaml={text} />
              ) : (
                <NeedsFixing errors={errors} what="analyse it" />
              ))}
            {tab === "versions" && (
              <VersionHistory
                entry={entry}
                onRestore={async (index) => {
                  await save("explicit");
                  const r = await library.restoreVersion(initial.id, index, revision.current);
                  applySave(r);
                  textRef.current = r.entry.yaml;
                  editor.current?.setText(r.entry.yaml);
                  setSaveState("saved");
                }}
              />
            )}
          </div>
        </section>
      </div>
    </main>
  );
}

function NeedsFixing({ errors, what }: { errors: number; what: string }) {
  return (
    <p>
      The file has {errors} error{errors === 1 ? "" : "s"} (listed under the editor). Fix them to {what}.
    </p>
  );
}

function check(text: string): { result: LoadResult; outline: Outline | null } {
  return { result: loadScenario("scenario.yaml", text), outline: outlineOf(text) };
}
