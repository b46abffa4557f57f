/** The save format this version writes. Older formats are migrated on load; newer ones are refused. */
export const SAVE_FORMAT = 2;

/** A saved run: the reproducible triple plus what the saved-runs list shows. Loading rebuilds it by replay. */
export interface SaveRecord {
  saveFormat: typeof SAVE_FORMAT;
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  choices: string[];
  /** For the list only: the title, week and status when it was saved. */
  scenarioTitle: string;
  week: number;
  status: "deciding" | "ended" | "stuck";
  createdAt: string;
  updatedAt: string;
  /** Events of the last choice whose cards the player has not dismissed yet (absent in older saves). */
  pendingEvents?: string[];
}

/** Format 1 kept the triple nested under `run` and one timestamp; it had no title, week or status. */
interface FormatOne {
  saveFormat: 1;
  id: string;
  run: { scenarioId: string; scenarioVersion: number; seed: number; choices: string[] };
  savedAt: string;
}

type Shape = Record<string, (v: unknown) => boolean>;
const isString = (v: unknown) => typeof v === "string";
const isId = (v: unknown) => typeof v === "string" && v.length > 0;
const isInteger = (v: unknown) => Number.isInteger(v);
const isNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);
const isStrings = (v: unknown) => Array.isArray(v) && v.every(isString);
const triple: Shape = { scenarioId: isId, scenarioVersion: isInteger, seed: isInteger, choices: isStrings };
const formatTwo: Shape = {
  id: isId,
  ...triple,
  scenarioTitle: isString,
  week: isNumber,
  status: (v) => v === "deciding" || v === "ended" || v === "stuck",
  createdAt: isString,
  updatedAt: isString,
};
const formatOne: Shape = {
  id: isId,
  run: (v) => problemWith(v, triple) === null,
  savedAt: isString,
};

/** The first field of `value` that does not fit `shape`, as "field: what is wrong", or null when all fit. */
function problemWith(value: unknown, shape: Shape): string | null {
  if (typeof value !== "object" || value === null) return "not an object";
  const record = value as Record<string, unknown>;
  for (const [field, fits] of Object.entries(shape)) {
    if (!Object.hasOwn(record, field)) return `${field}: missing`;
    if (!fits(record[field]))
      return `${field}: not a valid value (${JSON.stringify(record[field])?.slice(0, 40)})`;
  }
  return null;
}

/** What reading a stored value gave: a current record, or why it cannot be used (the value is kept aside). */
export type ReadSave = { ok: true; record: SaveRecord; migrated: boolean } | { ok: false; reason: string };

/** Reads a stored value of any known save format, migrating old formats to the current one. Never throws. */
export function readSave(value: unknown): ReadSave {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "the save is damaged (it is not a saved run at all)" };
  }
  const format = (value as { saveFormat?: unknown }).saveFormat;
  if (typeof format !== "number") {
    return { ok: false, reason: "the save is damaged (it does not say which save format it uses)" };
  }
  if (format > SAVE_FORMAT) {
    return {
      ok: false,
      reason: `the save was made by a newer version of Change Is Hard (save format ${format}; this version reads formats 1 to ${SAVE_FORMAT})`,
    };
  }
  if (format === 2) {
    const problem = problemWith(value, formatTwo);
    if (problem) return { ok: false, reason: `the save is damaged (${problem})` };
    return { ok: true, record: pick(value as SaveRecord), migrated: false };
  }
  if (format === 1) {
    const problem = problemWith(value, formatOne);
    if (problem) return { ok: false, reason: `the save is damaged (${problem})` };
    return { ok: true, record: migrateFromOne(value as FormatOne), migrated: true };
  }
  return { ok: false, reason: `the save uses save format ${format}, which this version cannot read` };
}

function migrateFromOne(old: FormatOne): SaveRecord {
  return {
    saveFormat: SAVE_FORMAT,
    id: old.id,
    scenarioId: old.run.scenarioId,
    scenarioVersion: old.run.scenarioVersion,
    seed: old.run.seed,
    choices: [...old.run.choices],
    scenarioTitle: old.run.scenarioId,
    week: 0,
    status: "deciding",
    createdAt: old.savedAt,
    updatedAt: old.savedAt,
  };
}

/** Only the fields of the format, so nothing unexpected travels on into the game. */
function pick(v: SaveRecord): SaveRecord {
  return {
    saveFormat: SAVE_FORMAT,
    id: v.id,
    scenarioId: v.scenarioId,
    scenarioVersion: v.scenarioVersion,
    seed: v.seed,
    choices: [...v.choices],
    scenarioTitle: v.scenarioTitle,
    week: v.week,
    status: v.status,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    // Optional: a damaged list is dropped rather than the whole save; the run itself is intact.
    ...(isStrings(v.pendingEvents) ? { pendingEvents: [...(v.pendingEvents as string[])] } : {}),
  };
}
