import localforage from "localforage";
import { readSave, type SaveRecord } from "./save-format";

/** A save that could not be used, kept (never deleted silently) with the reason shown to the player. */
export interface SetAsideSave {
  id: string;
  reason: string;
  setAsideAt: string;
  /** The stored value as it was found. */
  value: unknown;
}

/** What listing the saves found: the usable ones (newest first) and the ones set aside. */
export interface SaveListing {
  saves: SaveRecord[];
  setAside: SetAsideSave[];
}

/** Where saved runs live. Values that cannot be read are moved aside on listing; the rest keep working. */
export interface SaveRepository {
  list(): Promise<SaveListing>;
  get(id: string): Promise<SaveRecord | null>;
  put(record: SaveRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** Moves a save aside with a reason (for saves that read fine but no longer replay). */
  setAside(id: string, reason: string): Promise<void>;
  removeSetAside(id: string): Promise<void>;
}

/** The SaveRepository over localforage (IndexedDB in browsers): one database for runs, one for set-aside ones. */
export class LocalforageSaveRepository implements SaveRepository {
  private readonly runs: LocalForage;
  private readonly aside: LocalForage;

  constructor(name = "change-is-hard") {
    this.runs = localforage.createInstance({ name: `${name}-runs`, storeName: "runs" });
    this.aside = localforage.createInstance({ name: `${name}-set-aside`, storeName: "set_aside" });
  }

  async list(): Promise<SaveListing> {
    const saves: SaveRecord[] = [];
    const keys = await this.runs.keys();
    for (const key of keys) {
      let value: unknown;
      try {
        value = await this.runs.getItem(key);
      } catch (e) {
        await this.moveAside(key, undefined, `the save could not be read (${(e as Error).message})`);
        continue;
      }
      const read = readSave(value);
      if (!read.ok) {
        await this.moveAside(key, value, read.reason);
        continue;
      }
      if (read.record.id !== key) {
        await this.moveAside(key, value, "the save is damaged (its id does not match where it is stored)");
        continue;
      }
      if (read.migrated) await this.runs.setItem(key, read.record);
      saves.push(read.record);
    }
    saves.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const setAside: SetAsideSave[] = [];
    await this.aside.iterate<SetAsideSave, void>((value) => {
      setAside.push(value);
    });
    setAside.sort((a, b) => b.setAsideAt.localeCompare(a.setAsideAt));
    return { saves, setAside };
  }

  async get(id: string): Promise<SaveRecord | null> {
    const value = await this.runs.getItem(id);
    if (value === null) return null;
    const read = readSave(value);
    if (!read.ok) {
      await this.moveAside(id, value, read.reason);
      return null;
    }
    return read.record;
  }

  async put(record: SaveRecord): Promise<void> {
    await this.runs.setItem(record.id, record);
  }

  async remove(id: string): Promise<void> {
    await this.runs.removeItem(id);
  }

  async setAside(id: string, reason: string): Promise<void> {
    const value = await this.runs.getItem(id);
    await this.moveAside(id, value, reason);
  }

  async removeSetAside(id: string): Promise<void> {
    await this.aside.removeItem(id);
  }

  /** Raw access for tests and tools that need to write a value as an older version would have. */
  async putRaw(id: string, value: unknown): Promise<void> {
    await this.runs.setItem(id, value);
  }

  private async moveAside(id: string, value: unknown, reason: string): Promise<void> {
    const entry: SetAsideSave = { id, reason, setAsideAt: new Date().toISOString(), value: value ?? null };
    await this.aside.setItem(id, entry);
    await this.runs.removeItem(id);
  }
}
