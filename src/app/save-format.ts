import { z } from "zod";

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
}

const triple = {
  scenarioId: z.string().min(1),
  scenarioVersion: z.number().int(),
  seed: z.number().int(),
  choices: z.array(z.string()),
};

const formatTwo = z.object({
  saveFormat: z.literal(2),
  id: z.string().min(1),
  ...triple,
  scenarioTitle: z.string(),
  week: z.number(),
  status: z.enum(["deciding", "ended", "stuck"]),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Format 1 kept the triple nested under `run` and one timestamp; it had no title, week or status. */
const formatOne = z.object({
  saveFormat: z.literal(1),
  id: z.string().min(1),
  run: z.object(triple),
  savedAt: z.string(),
});

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
    const parsed = formatTwo.safeParse(value);
    return parsed.success
      ? { ok: true, record: parsed.data, migrated: false }
      : { ok: false, reason: `the save is damaged (${describe(parsed.error)})` };
  }
  if (format === 1) {
    const parsed = formatOne.safeParse(value);
    if (!parsed.success) return { ok: false, reason: `the save is damaged (${describe(parsed.error)})` };
    return { ok: true, record: migrateFromOne(parsed.data), migrated: true };
  }
  return { ok: false, reason: `the save uses save format ${format}, which this version cannot read` };
}

function migrateFromOne(old: z.infer<typeof formatOne>): SaveRecord {
  return {
    saveFormat: SAVE_FORMAT,
    id: old.id,
    ...old.run,
    scenarioTitle: old.run.scenarioId,
    week: 0,
    status: "deciding",
    createdAt: old.savedAt,
    updatedAt: old.savedAt,
  };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "unreadable";
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}
