import localforage from "localforage";
import type { Diagnostic, LoadResult } from "../engine/index";
import type { BundledScenario } from "./bundled-scenarios";

/** The format of a published record this version writes; newer ones are set aside, never overwritten. */
export const PUBLISH_FORMAT = 1;

/** A scenario an author published from the editor: its YAML text, played like a bundled scenario. */
export interface PublishedScenario {
  publishFormat: typeof PUBLISH_FORMAT;
  /** The scenario's own id (the `id:` in its YAML): its address is `#/play/<id>`. */
  id: string;
  title: string;
  yaml: string;
  publishedAt: string;
  /** The author's library entry it came from, when it came from one. */
  libraryId: string | null;
}

/** A published record that could not be read, kept with the reason. */
export interface SetAsidePublished {
  key: string;
  reason: string;
  setAsideAt: string;
  value: unknown;
}

/** Why a scenario cannot be published (a sentence for the Publish control), or null when it can. */
export function publishProblem(result: LoadResult, bundledIds: readonly string[]): string | null {
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    const first = errors[0];
    const where = first
      ? ` The first is at line ${first.line}, column ${first.column}: ${first.message}.`
      : "";
    return `It has ${errors.length} error${errors.length === 1 ? "" : "s"}; fix ${errors.length === 1 ? "it" : "them"} first.${where}`;
  }
  if (bundledIds.includes(result.scenario.id)) {
    return `The id "${result.scenario.id}" belongs to a scenario that comes with the game; give yours another id.`;
  }
  return null;
}

/** The published scenarios over localforage (IndexedDB in browsers), keyed by scenario id. */
export class PublishedScenarioStore {
  private readonly db: LocalForage;
  private readonly aside: LocalForage;

  constructor(name = "change-is-hard") {
    this.db = localforage.createInstance({ name: `${name}-published`, storeName: "published" });
    this.aside = localforage.createInstance({ name: `${name}-published-set-aside`, storeName: "set_aside" });
  }

  /** Every readable published scenario (by title); unreadable records are moved aside and listed there. */
  async list(): Promise<{ published: PublishedScenario[]; setAside: SetAsidePublished[] }> {
    const published: PublishedScenario[] = [];
    for (const key of await this.db.keys()) {
      let value: unknown;
      try {
        value = await this.db.getItem(key);
      } catch (e) {
        await this.moveAside(key, null, `the record could not be read (${(e as Error).message})`);
        continue;
      }
      const problem = recordProblem(value, key);
      if (problem) await this.moveAside(key, value, problem);
      else published.push(value as PublishedScenario);
    }
    published.sort((a, b) => a.title.localeCompare(b.title));
    const setAside: SetAsidePublished[] = [];
    await this.aside.iterate<SetAsidePublished, void>((v) => {
      setAside.push(v);
    });
    return { published, setAside };
  }

  async get(id: string): Promise<PublishedScenario | null> {
    const value = await this.db.getItem(id).catch(() => null);
    return recordProblem(value, id) === null ? (value as PublishedScenario) : null;
  }

  /**
   * Publishes a scenario's text. Refused (with the reason, nothing stored) when it has errors or its id is a
   * bundled scenario's. Publishing the same id again replaces the earlier text.
   */
  async publish(
    yaml: string,
    options: { bundledIds: readonly string[]; libraryId?: string | null; now?: Date },
  ): Promise<{ ok: true; record: PublishedScenario; replaced: boolean } | { ok: false; reason: string }> {
    const { loadScenario } = await import("../engine/load");
    const result = loadScenario("scenario.yaml", yaml);
    const problem = publishProblem(result, options.bundledIds);
    if (problem || !result.ok) return { ok: false, reason: problem ?? "it has errors" };
    const earlier = await this.get(result.scenario.id);
    const record: PublishedScenario = {
      publishFormat: PUBLISH_FORMAT,
      id: result.scenario.id,
      title: result.scenario.title,
      yaml,
      publishedAt: (options.now ?? new Date()).toISOString(),
      libraryId: options.libraryId ?? null,
    };
    await this.db.setItem(record.id, record);
    return { ok: true, record, replaced: earlier !== null };
  }

  async unpublish(id: string): Promise<void> {
    await this.db.removeItem(id);
  }

  /** Raw access for tests: writes a value as a damaged or newer version would have. */
  async putRaw(key: string, value: unknown): Promise<void> {
    await this.db.setItem(key, value);
  }

  private async moveAside(key: string, value: unknown, reason: string): Promise<void> {
    await this.aside.setItem(key, { key, reason, setAsideAt: new Date().toISOString(), value });
    await this.db.removeItem(key);
  }
}

function recordProblem(value: unknown, key: string): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a published scenario";
  const v = value as Record<string, unknown>;
  if (typeof v.publishFormat !== "number") return "it does not say which format it uses";
  if (v.publishFormat > PUBLISH_FORMAT)
    return `it was published by a newer version (format ${v.publishFormat})`;
  for (const field of ["id", "title", "yaml", "publishedAt"] as const) {
    if (typeof v[field] !== "string") return `${field}: missing or not text`;
  }
  if (v.id !== key) return "its id does not match where it is stored";
  return null;
}

/** The file name a published scenario goes by in lists and diagnostics. */
export function publishedFile(record: Pick<PublishedScenario, "id">): string {
  return `library:${record.id}`;
}

/**
 * Every scenario that can be played: the bundled ones, then the published ones (loaded through the engine's
 * loader, so one with errors shows its diagnostics like a broken bundled file). A published scenario whose id
 * a bundled one has is listed as broken, never replacing the bundled one. Never throws: when storage cannot
 * be read, the bundled scenarios alone are returned.
 */
export async function playableScenarios(
  bundled: BundledScenario[],
  store: PublishedScenarioStore = new PublishedScenarioStore(),
): Promise<BundledScenario[]> {
  let published: PublishedScenario[];
  try {
    published = (await store.list()).published;
  } catch {
    return bundled;
  }
  if (published.length === 0) return bundled;
  // The YAML loader (yaml, zod) is only fetched when there is something published to load.
  const { loadScenario } = await import("../engine/load");
  const bundledIds = new Set(bundled.flatMap((b) => (b.ok ? [b.scenario.id] : [])));
  const extra: BundledScenario[] = published.map((record) => {
    const file = publishedFile(record);
    if (bundledIds.has(record.id)) {
      const clash: Diagnostic = {
        file,
        line: 1,
        column: 1,
        severity: "error",
        message: `the id "${record.id}" belongs to a scenario that comes with the game`,
      };
      return { file, ok: false, diagnostics: [clash] };
    }
    const result = loadScenario(file, record.yaml);
    return result.ok
      ? { file, ok: true, scenario: result.scenario, diagnostics: result.diagnostics }
      : { file, ok: false, diagnostics: result.diagnostics };
  });
  return [...bundled, ...extra];
}
