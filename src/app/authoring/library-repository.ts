import localforage from "localforage";

/** The record format this version writes; newer records are set aside (kept), never overwritten. */
export const LIBRARY_FORMAT = 1;
/** How many earlier texts an entry keeps. */
export const MAX_VERSIONS = 50;
/** While an author types, autosaves closer together than this share one version. */
export const AUTOSAVE_VERSION_GAP_MS = 60_000;

/** An earlier text of a library entry, with when it was replaced and why it was kept. */
export interface LibraryVersion {
  yaml: string;
  savedAt: string;
  /** "autosave", "before restoring an earlier version", "saved in another tab"... */
  note: string;
}

/** A note the author should see about an entry (an import's warnings), kept until dismissed. */
export interface EntryNote {
  passage?: string;
  message: string;
}

/** One scenario in the author's library. */
export interface LibraryEntry {
  libraryFormat: typeof LIBRARY_FORMAT;
  id: string;
  name: string;
  yaml: string;
  createdAt: string;
  updatedAt: string;
  /** Goes up by one on every save: how a tab knows another one saved in between. */
  revision: number;
  /** Earlier texts, newest first. */
  versions: LibraryVersion[];
  /** Where the entry came from ("New from the template", "Imported from story.twee"...). */
  origin: string;
  notes: EntryNote[];
}

/** A stored value that could not be read as an entry, kept with the reason. */
export interface SetAsideEntry {
  key: string;
  reason: string;
  setAsideAt: string;
  value: unknown;
}

/** What a save did. `conflict`: another tab had saved in between; its text was kept as a version. */
export type SaveResult =
  | { kind: "saved"; entry: LibraryEntry }
  | { kind: "unchanged"; entry: LibraryEntry }
  | { kind: "conflict"; entry: LibraryEntry; message: string }
  | { kind: "recreated"; entry: LibraryEntry; message: string };

export interface SaveOptions {
  /** The revision the editor's text was based on. */
  baseRevision: number;
  /** Autosaves close together share a version; explicit saves always keep the text they replace. */
  kind?: "auto" | "explicit";
  note?: string;
}

/**
 * The author's scenario library over localforage (IndexedDB in browsers). Every change of text keeps the
 * replaced text as a version; unreadable records are moved aside with the reason; deleted entries go to a
 * bin they can be restored from. Saves carry the revision they were based on, so a second tab never
 * silently overwrites the first: both texts are kept.
 */
export class LibraryRepository {
  private readonly db: LocalForage;
  private readonly aside: LocalForage;
  private readonly bin: LocalForage;
  private readonly now: () => Date;
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<(id: string) => void>();

  constructor(name = "change-is-hard", now: () => Date = () => new Date()) {
    this.db = localforage.createInstance({ name: `${name}-author-library`, storeName: "scenarios" });
    this.aside = localforage.createInstance({ name: `${name}-author-set-aside`, storeName: "set_aside" });
    this.bin = localforage.createInstance({ name: `${name}-author-deleted`, storeName: "deleted" });
    this.now = now;
    this.channel =
      typeof BroadcastChannel === "function" ? new BroadcastChannel(`${name}-author-library`) : null;
    if (this.channel) {
      this.channel.onmessage = (e: MessageEvent) => {
        const id = (e.data as { id?: unknown })?.id;
        if (typeof id === "string") for (const l of this.listeners) l(id);
      };
    }
  }

  /** Calls `listener` with an entry's id whenever another tab saves, renames or deletes it. */
  onChangeElsewhere(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
  }

  /** Every readable entry, most recently changed first; unreadable ones are moved aside and listed. */
  async list(): Promise<{ entries: LibraryEntry[]; setAside: SetAsideEntry[]; deleted: LibraryEntry[] }> {
    const entries: LibraryEntry[] = [];
    for (const key of await this.db.keys()) {
      const entry = await this.read(key);
      if (entry) entries.push(entry);
    }
    entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const setAside: SetAsideEntry[] = [];
    await this.aside.iterate<SetAsideEntry, void>((v) => {
      setAside.push(v);
    });
    setAside.sort((a, b) => b.setAsideAt.localeCompare(a.setAsideAt));
    const deleted: LibraryEntry[] = [];
    await this.bin.iterate<unknown, void>((v, key) => {
      if (entryProblem(v, key) === null) deleted.push(v as LibraryEntry);
    });
    deleted.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return { entries, setAside, deleted };
  }

  /** The entry, or null when there is none (or it was unreadable and has just been set aside). */
  async get(id: string): Promise<LibraryEntry | null> {
    return this.read(id);
  }

  /** Adds a new entry with this text. */
  async create(name: string, yaml: string, origin: string, notes: EntryNote[] = []): Promise<LibraryEntry> {
    const at = this.now().toISOString();
    const entry: LibraryEntry = {
      libraryFormat: LIBRARY_FORMAT,
      id: newId(),
      name: name.trim() || "Untitled scenario",
      yaml,
      createdAt: at,
      updatedAt: at,
      revision: 1,
      versions: [],
      origin,
      notes,
    };
    await this.db.setItem(entry.id, entry);
    this.announce(entry.id);
    return entry;
  }

  /**
   * Saves an entry's text. When another tab saved since `baseRevision`, its text is kept as a version (and
   * this text becomes the current one) and the result says so; when the entry was deleted or set aside
   * meanwhile, it is recreated from this text. Nothing is ever dropped.
   */
  async save(id: string, yaml: string, options: SaveOptions): Promise<SaveResult> {
    return this.locked(id, async () => {
      const at = this.now().toISOString();
      const stored = await this.read(id);
      if (!stored) {
        const entry: LibraryEntry = {
          libraryFormat: LIBRARY_FORMAT,
          id,
          name: "Recovered scenario",
          yaml,
          createdAt: at,
          updatedAt: at,
          revision: options.baseRevision + 1,
          versions: [],
          origin: "Recreated from an open editor",
          notes: [],
        };
        const binned = await this.bin.getItem<LibraryEntry>(id).catch(() => null);
        if (binned && entryProblem(binned, id) === null) {
          entry.name = binned.name;
          entry.createdAt = binned.createdAt;
          entry.versions = withVersion(binned.versions, binned.yaml, at, "before it was deleted", false);
          await this.bin.removeItem(id);
        }
        await this.db.setItem(id, entry);
        this.announce(id);
        return {
          kind: "recreated",
          entry,
          message: "This scenario had been deleted (or could not be read) elsewhere; your text was kept.",
        };
      }
      if (stored.revision !== options.baseRevision) {
        if (stored.yaml === yaml) return { kind: "unchanged", entry: stored };
        const versions = withVersion(
          stored.versions,
          stored.yaml,
          stored.updatedAt,
          "saved in another tab",
          false,
        );
        const entry = { ...stored, yaml, updatedAt: at, revision: stored.revision + 1, versions };
        await this.db.setItem(id, entry);
        this.announce(id);
        return {
          kind: "conflict",
          entry,
          message:
            "This scenario was also changed in another tab. Both texts are kept: yours is the current one, the other tab's is in the version history.",
        };
      }
      if (stored.yaml === yaml) return { kind: "unchanged", entry: stored };
      const coalesce =
        options.kind !== "explicit" &&
        stored.versions[0]?.note === "autosave" &&
        this.now().getTime() - Date.parse(stored.versions[0].savedAt) < AUTOSAVE_VERSION_GAP_MS;
      const note = options.note ?? (options.kind === "explicit" ? "saved" : "autosave");
      const versions = coalesce
        ? stored.versions
        : withVersion(stored.versions, stored.yaml, stored.updatedAt, note, true);
      const entry = { ...stored, yaml, updatedAt: at, revision: stored.revision + 1, versions };
      await this.db.setItem(id, entry);
      this.announce(id);
      return { kind: "saved", entry };
    });
  }

  /** Makes an earlier text the current one; the current text is kept as a version first. */
  async restoreVersion(id: string, index: number, baseRevision: number): Promise<SaveResult> {
    const stored = await this.read(id);
    const version = stored?.versions[index];
    if (!stored || !version) throw new Error("that version is not there any more");
    return this.save(id, version.yaml, {
      baseRevision,
      kind: "explicit",
      note: "before restoring an earlier version",
    });
  }

  async rename(id: string, name: string): Promise<LibraryEntry | null> {
    return this.locked(id, async () => {
      const stored = await this.read(id);
      if (!stored) return null;
      const entry = { ...stored, name: name.trim() || stored.name, updatedAt: this.now().toISOString() };
      await this.db.setItem(id, entry);
      this.announce(id);
      return entry;
    });
  }

  async dismissNotes(id: string): Promise<void> {
    await this.locked(id, async () => {
      const stored = await this.read(id);
      if (stored) await this.db.setItem(id, { ...stored, notes: [] });
    });
  }

  /** A copy with its own id and, in its text, a scenario id of its own (so publishing it adds a scenario). */
  async duplicate(id: string): Promise<LibraryEntry | null> {
    const stored = await this.read(id);
    if (!stored) return null;
    const yaml = stored.yaml.replace(
      /^id:[ \t]*([A-Za-z0-9_-]+)[ \t]*$/m,
      (_m, old: string) => `id: ${old}-copy`,
    );
    return this.create(`Copy of ${stored.name}`, yaml, `Duplicated from ${stored.name}`);
  }

  /** Moves an entry to the bin (restorable); nothing is erased. */
  async remove(id: string): Promise<void> {
    await this.locked(id, async () => {
      const stored = await this.read(id);
      if (!stored) return;
      await this.bin.setItem(id, { ...stored, updatedAt: this.now().toISOString() });
      await this.db.removeItem(id);
      this.announce(id);
    });
  }

  /** Brings a deleted entry back into the library. */
  async restoreDeleted(id: string): Promise<LibraryEntry | null> {
    const binned = await this.bin.getItem<LibraryEntry>(id).catch(() => null);
    if (!binned || entryProblem(binned, id) !== null) return null;
    const live = await this.read(id);
    const entry = live ? { ...binned, id: newId(), revision: 1 } : binned;
    await this.db.setItem(entry.id, entry);
    await this.bin.removeItem(id);
    this.announce(entry.id);
    return entry;
  }

  /** Raw access for tests: writes a value as a damaged or newer version would have. */
  async putRaw(key: string, value: unknown): Promise<void> {
    await this.db.setItem(key, value);
  }

  private async read(key: string): Promise<LibraryEntry | null> {
    let value: unknown;
    try {
      value = await this.db.getItem(key);
    } catch (e) {
      await this.moveAside(key, null, `it could not be read (${(e as Error).message})`);
      return null;
    }
    if (value === null) return null;
    const problem = entryProblem(value, key);
    if (problem) {
      await this.moveAside(key, value, problem);
      return null;
    }
    return value as LibraryEntry;
  }

  private async moveAside(key: string, value: unknown, reason: string): Promise<void> {
    const entry: SetAsideEntry = { key, reason, setAsideAt: this.now().toISOString(), value };
    await this.aside.setItem(`${key}@${entry.setAsideAt}`, entry);
    await this.db.removeItem(key);
  }

  private announce(id: string): void {
    this.channel?.postMessage({ id });
  }

  /** Runs `work` holding a lock on the entry across tabs (Web Locks), so two read-modify-writes never interleave. */
  private locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    if (!locks) return work();
    return locks.request(`change-is-hard-author-${id}`, work) as Promise<T>;
  }
}

function withVersion(
  versions: LibraryVersion[],
  yaml: string,
  savedAt: string,
  note: string,
  dedupe: boolean,
): LibraryVersion[] {
  if (dedupe && versions[0]?.yaml === yaml) return versions;
  return [{ yaml, savedAt, note }, ...versions].slice(0, MAX_VERSIONS);
}

function entryProblem(value: unknown, key: string): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "the record is damaged (it is not a library scenario at all)";
  }
  const v = value as Record<string, unknown>;
  if (typeof v.libraryFormat !== "number")
    return "the record is damaged (it does not say which format it uses)";
  if (v.libraryFormat > LIBRARY_FORMAT) {
    return `it was saved by a newer version of Change Is Hard (library format ${v.libraryFormat})`;
  }
  for (const field of ["id", "name", "yaml", "createdAt", "updatedAt", "origin"] as const) {
    if (typeof v[field] !== "string") return `the record is damaged (${field}: missing or not text)`;
  }
  if (!Number.isInteger(v.revision)) return "the record is damaged (revision: not a whole number)";
  if (!Array.isArray(v.versions) || !v.versions.every(isVersion)) {
    return "the record is damaged (versions: not a list of earlier texts)";
  }
  if (!Array.isArray(v.notes)) return "the record is damaged (notes: not a list)";
  if (v.id !== key) return "the record is damaged (its id does not match where it is stored)";
  return null;
}

function isVersion(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.yaml === "string" && typeof r.savedAt === "string" && typeof r.note === "string";
}

function newId(): string {
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
  return `s${Date.now().toString(36)}${random}`;
}
