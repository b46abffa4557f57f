import { MAX_TEAMS, MIN_TEAMS, WORKSHOP_FORMAT, type WorkshopSession } from "./session-model";

/**
 * Format 1 was the first draft of the record: the timer as `timerSeconds` plus a top-level `deadline` and
 * `remainingMs`, and no reveal setting ("what really happened" was always shown after each round).
 */
interface FormatOne extends Omit<WorkshopSession, "workshopFormat" | "timer" | "reveal"> {
  workshopFormat: 1;
  timerSeconds: number | null;
  deadline: number | null;
  remainingMs: number | null;
}

type Check = (v: unknown) => boolean;
type Shape = Record<string, Check>;

const isString: Check = (v) => typeof v === "string";
const isId: Check = (v) => typeof v === "string" && v.length > 0;
const isInteger: Check = (v) => Number.isInteger(v);
const isNumber: Check = (v) => typeof v === "number" && Number.isFinite(v);
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const isRecord: Check = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const shaped =
  (shape: Shape): Check =>
  (v) =>
    problemWith(v, shape) === null;

const team = shaped({ id: isId, name: isId, seed: isInteger, choices: listOf(isId) });
const entry = shaped({ teamId: isId, choiceId: isId, at: isNumber });
const closed = shaped({
  round: isInteger,
  closedAt: isNumber,
  advanced: listOf(shaped({ teamId: isId, choiceId: isId })),
  without: listOf(isId),
  remainingMs: orNull(isNumber),
  entries: listOf(entry),
});
const pending: Check = (v) => isRecord(v) && Object.values(v as object).every(isId);
const common: Shape = {
  id: isId,
  name: isString,
  scenarioId: isId,
  scenarioVersion: isInteger,
  scenarioTitle: isString,
  teams: (v) => Array.isArray(v) && v.length >= MIN_TEAMS && v.length <= MAX_TEAMS && v.every(team),
  round: (v) => Number.isInteger(v) && (v as number) >= 1,
  pending,
  entries: listOf(entry),
  rounds: listOf(closed),
  phase: (v) => v === "setup" || v === "deciding" || v === "paused" || v === "debrief",
  createdAt: isString,
  updatedAt: isString,
};
const formatTwo: Shape = {
  ...common,
  timer: shaped({ durationMs: orNull(isNumber), deadline: orNull(isNumber), remainingMs: orNull(isNumber) }),
  reveal: (v) => v === "each" || v === "end",
};
const formatOne: Shape = {
  ...common,
  timerSeconds: orNull(isNumber),
  deadline: orNull(isNumber),
  remainingMs: orNull(isNumber),
};

/** The first field of `value` that does not fit `shape`, as "field: what is wrong", or null when all fit. */
function problemWith(value: unknown, shape: Shape): string | null {
  if (!isRecord(value)) return "not an object";
  const record = value as Record<string, unknown>;
  for (const [field, fits] of Object.entries(shape)) {
    if (!Object.hasOwn(record, field)) return `${field}: missing`;
    if (!fits(record[field]))
      return `${field}: not a valid value (${JSON.stringify(record[field])?.slice(0, 60)})`;
  }
  return null;
}

/** What reading a stored value gave: a current record, or why it cannot be used (the value is kept aside). */
export type ReadWorkshop =
  | { ok: true; session: WorkshopSession; migrated: boolean }
  | { ok: false; reason: string };

/** Reads a stored workshop of any known format, migrating old formats to the current one. Never throws. */
export function readWorkshop(value: unknown): ReadWorkshop {
  if (!isRecord(value))
    return { ok: false, reason: "the workshop is damaged (it is not a workshop record at all)" };
  const format = (value as { workshopFormat?: unknown }).workshopFormat;
  if (typeof format !== "number") {
    return { ok: false, reason: "the workshop is damaged (it does not say which format it uses)" };
  }
  if (format > WORKSHOP_FORMAT) {
    return {
      ok: false,
      reason: `the workshop was saved by a newer version of Change Is Hard (format ${format}; this version reads formats 1 to ${WORKSHOP_FORMAT})`,
    };
  }
  if (format === 2) {
    const problem = problemWith(value, formatTwo);
    if (problem) return { ok: false, reason: `the workshop is damaged (${problem})` };
    return { ok: true, session: pick(value as unknown as WorkshopSession), migrated: false };
  }
  if (format === 1) {
    const problem = problemWith(value, formatOne);
    if (problem) return { ok: false, reason: `the workshop is damaged (${problem})` };
    return { ok: true, session: migrateFromOne(value as unknown as FormatOne), migrated: true };
  }
  return { ok: false, reason: `the workshop uses format ${format}, which this version cannot read` };
}

function migrateFromOne(old: FormatOne): WorkshopSession {
  const { timerSeconds, deadline, remainingMs, workshopFormat: _, ...rest } = old;
  return pick({
    ...rest,
    workshopFormat: WORKSHOP_FORMAT,
    timer: { durationMs: timerSeconds ? timerSeconds * 1000 : null, deadline, remainingMs },
    reveal: "each",
  });
}

/** Only the fields of the format (deep copies), so nothing unexpected travels into the workshop. */
function pick(v: WorkshopSession): WorkshopSession {
  const pending: Record<string, string> = {};
  for (const [k, c] of Object.entries(v.pending)) pending[k] = c;
  return {
    workshopFormat: WORKSHOP_FORMAT,
    id: v.id,
    name: v.name,
    scenarioId: v.scenarioId,
    scenarioVersion: v.scenarioVersion,
    scenarioTitle: v.scenarioTitle,
    teams: v.teams.map((t) => ({ id: t.id, name: t.name, seed: t.seed, choices: [...t.choices] })),
    round: v.round,
    pending,
    entries: v.entries.map((e) => ({ teamId: e.teamId, choiceId: e.choiceId, at: e.at })),
    rounds: v.rounds.map((r) => ({
      round: r.round,
      closedAt: r.closedAt,
      advanced: r.advanced.map((a) => ({ teamId: a.teamId, choiceId: a.choiceId })),
      without: [...r.without],
      remainingMs: r.remainingMs,
      entries: r.entries.map((e) => ({ teamId: e.teamId, choiceId: e.choiceId, at: e.at })),
    })),
    timer: { durationMs: v.timer.durationMs, deadline: v.timer.deadline, remainingMs: v.timer.remainingMs },
    reveal: v.reveal,
    phase: v.phase,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}
