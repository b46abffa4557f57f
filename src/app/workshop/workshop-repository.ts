import localforage from "localforage";
import type { WorkshopSession } from "./session-model";
import { readWorkshop } from "./workshop-format";

/** A workshop record that could not be used, kept (never deleted silently) with the reason shown. */
export interface SetAsideWorkshop {
  id: string;
  reason: string;
  setAsideAt: string;
  /** The stored value as it was found. */
  value: unknown;
}

/** What listing found: the usable workshops (most recently changed first) and the ones set aside. */
export interface WorkshopListing {
  sessions: WorkshopSession[];
  setAside: SetAsideWorkshop[];
}

/** Where workshops live. Values that cannot be read are moved aside on reading; the others keep working. */
export interface WorkshopRepository {
  list(): Promise<WorkshopListing>;
  get(id: string): Promise<WorkshopSession | null>;
  put(session: WorkshopSession): Promise<void>;
  remove(id: string): Promise<void>;
  setAside(id: string, reason: string): Promise<void>;
  removeSetAside(id: string): Promise<void>;
}

/** The WorkshopRepository over localforage (IndexedDB in browsers), in databases of its own. */
export class LocalforageWorkshopRepository implements WorkshopRepository {
  private readonly sessions: LocalForage;
  private readonly aside: LocalForage;

  constructor(name = "change-is-hard") {
    this.sessions = localforage.createInstance({ name: `${name}-workshops`, storeName: "workshops" });
    this.aside = localforage.createInstance({ name: `${name}-workshops-set-aside`, storeName: "set_aside" });
  }

  async list(): Promise<WorkshopListing> {
    const sessions: WorkshopSession[] = [];
    for (const key of await this.sessions.keys()) {
      const session = await this.read(key);
      if (session) sessions.push(session);
    }
    sessions.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const setAside: SetAsideWorkshop[] = [];
    await this.aside.iterate<SetAsideWorkshop, void>((value) => {
      setAside.push(value);
    });
    setAside.sort((a, b) => b.setAsideAt.localeCompare(a.setAsideAt));
    return { sessions, setAside };
  }

  async get(id: string): Promise<WorkshopSession | null> {
    return this.read(id);
  }

  async put(session: WorkshopSession): Promise<void> {
    await this.sessions.setItem(session.id, session);
  }

  async remove(id: string): Promise<void> {
    await this.sessions.removeItem(id);
  }

  async setAside(id: string, reason: string): Promise<void> {
    const value = await this.sessions.getItem(id).catch(() => null);
    await this.moveAside(id, value, reason);
  }

  async removeSetAside(id: string): Promise<void> {
    await this.aside.removeItem(id);
  }

  /** Raw access for tests and tools that need to write a value as an older version would have. */
  async putRaw(id: string, value: unknown): Promise<void> {
    await this.sessions.setItem(id, value);
  }

  /** Reads one record: migrated (and written back) when old, moved aside when it cannot be used. */
  private async read(key: string): Promise<WorkshopSession | null> {
    let value: unknown;
    try {
      value = await this.sessions.getItem(key);
    } catch (e) {
      await this.moveAside(key, undefined, `the workshop could not be read (${(e as Error).message})`);
      return null;
    }
    if (value === null) return null;
    const read = readWorkshop(value);
    if (!read.ok) {
      await this.moveAside(key, value, read.reason);
      return null;
    }
    if (read.session.id !== key) {
      await this.moveAside(key, value, "the workshop is damaged (its id does not match where it is stored)");
      return null;
    }
    if (read.migrated) await this.sessions.setItem(key, read.session);
    return read.session;
  }

  private async moveAside(id: string, value: unknown, reason: string): Promise<void> {
    const entry: SetAsideWorkshop = {
      id,
      reason,
      setAsideAt: new Date().toISOString(),
      value: value ?? null,
    };
    await this.aside.setItem(id, entry);
    await this.sessions.removeItem(id);
  }
}
