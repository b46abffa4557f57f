import localforage from "localforage";
import { repairSettings, type Settings } from "./settings";

/** Endings found so far, by scenario id. */
export type DiscoveredEndings = Record<string, string[]>;

/** The player's settings and the endings they have discovered, kept between visits. */
export interface ProfileRepository {
  loadSettings(defaults: Settings): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  loadDiscovered(): Promise<DiscoveredEndings>;
  saveDiscovered(discovered: DiscoveredEndings): Promise<void>;
}

/** The ProfileRepository over localforage; unreadable values fall back to defaults instead of failing. */
export class LocalforageProfileRepository implements ProfileRepository {
  private readonly db: LocalForage;

  constructor(name = "change-is-hard") {
    this.db = localforage.createInstance({ name: `${name}-profile`, storeName: "profile" });
  }

  async loadSettings(defaults: Settings): Promise<Settings> {
    return repairSettings(await this.db.getItem("settings").catch(() => null), defaults);
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.db.setItem("settings", settings);
  }

  async loadDiscovered(): Promise<DiscoveredEndings> {
    const value = await this.db.getItem("discovered").catch(() => null);
    const result: DiscoveredEndings = Object.create(null);
    if (typeof value !== "object" || value === null) return result;
    for (const [id, list] of Object.entries(value)) {
      if (Array.isArray(list)) result[id] = list.filter((e): e is string => typeof e === "string");
    }
    return result;
  }

  async saveDiscovered(discovered: DiscoveredEndings): Promise<void> {
    await this.db.setItem("discovered", { ...discovered });
  }
}
