import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  type Change,
  replayProblem,
  type TeamRuns,
  teamRuns,
  type WorkshopSession,
} from "../../app/workshop/session-model";
import {
  LocalforageWorkshopRepository,
  type WorkshopRepository,
} from "../../app/workshop/workshop-repository";
import { workshopScenarios } from "../../app/workshop/workshop-scenarios";
import { type EntryRequestMessage, WorkshopSync } from "../../app/workshop/workshop-sync";
import type { Scenario } from "../../engine/index";

/** The one repository the workshop screens share. */
export const repository: WorkshopRepository = new LocalforageWorkshopRepository();

export type Loaded =
  | { status: "loading" }
  | { status: "missing" }
  | { status: "broken"; reason: string; session: WorkshopSession }
  | { status: "ready"; session: WorkshopSession; scenario: Scenario; runs: TeamRuns };

/** What a change did: refused with the reason, or saved (then announced to the other window). */
export type Applied = { ok: true; session: WorkshopSession } | { ok: false; reason: string };

/**
 * A workshop as a window sees it: loaded from storage on open; the console (`writer`) saves every change and
 * tells the projector, which reloads from storage whenever it is told (or regains focus). Read-only otherwise.
 * A second console window of the same workshop picks up the other's newer saves the same way.
 */
export function useWorkshop(id: string, writer: boolean) {
  const [session, setSession] = useState<WorkshopSession | null | undefined>(undefined);
  const [scenario, setScenario] = useState<Scenario | undefined | null>(undefined);
  const [writeError, setWriteError] = useState<string | null>(null);
  const current = useRef<WorkshopSession | null>(null);
  const writes = useRef<Promise<void>>(Promise.resolve());
  const sync = useRef<WorkshopSync | null>(null);
  /** The console's handler for a team's own screen asking to enter a choice (set by the console). */
  const onEntryRequest = useRef<((m: EntryRequestMessage) => void) | null>(null);

  useEffect(() => {
    let live = true;
    const reload = () =>
      repository
        .get(id)
        .catch(() => null)
        .then((s) => {
          if (!live) return;
          current.current = s;
          setSession(s);
        });
    // The projector reloads on every save; a console reloads when another console window of the same
    // workshop saved something newer (two console tabs never overwrite each other with stale state).
    sync.current = new WorkshopSync(id, {
      onSaved: (message) => {
        if (!writer || message.updatedAt > (current.current?.updatedAt ?? "")) void reload();
      },
      onEntryRequest: writer ? (message) => onEntryRequest.current?.(message) : undefined,
    });
    void reload();
    const onFocus = () => {
      if (!writer) void reload();
    };
    window.addEventListener("focus", onFocus);
    return () => {
      live = false;
      window.removeEventListener("focus", onFocus);
      sync.current?.close();
    };
  }, [id, writer]);

  const scenarioId = session?.scenarioId;
  useEffect(() => {
    if (!scenarioId) return;
    let live = true;
    void workshopScenarios().then((all) => {
      if (!live) return;
      const found = all.find((e) => e.ok && e.scenario.id === scenarioId);
      setScenario(found?.ok ? found.scenario : null);
    });
    return () => {
      live = false;
    };
  }, [scenarioId]);

  const loaded: Loaded = useMemo(() => {
    if (session === undefined) return { status: "loading" };
    if (session === null) return { status: "missing" };
    if (scenario === undefined) return { status: "loading" };
    const problem = replayProblem(scenario ?? undefined, session);
    if (problem || !scenario) return { status: "broken", reason: problem ?? "", session };
    return { status: "ready", session, scenario, runs: teamRuns(scenario, session) };
  }, [session, scenario]);

  /** Applies a change to the latest session: saved at once (autosave), then the projector is told. */
  function apply(change: (s: WorkshopSession) => Change): Applied {
    const s = current.current;
    if (!s) return { ok: false, reason: "The workshop is not loaded." };
    const result = change(s);
    if (!result.ok) return result;
    const next = result.session;
    current.current = next;
    setSession(next);
    writes.current = writes.current
      .then(() => repository.put(next))
      .then(() => {
        setWriteError(null);
        sync.current?.saved(next.id, next.updatedAt);
      })
      .catch((e: unknown) => setWriteError(`The workshop could not be saved: ${(e as Error)?.message ?? e}`));
    return result;
  }

  /** A team's screen: asks the console to enter the team's choice. */
  const requestEntry = (teamId: string, choiceId: string) => sync.current?.requestEntry(id, teamId, choiceId);

  return { loaded, apply, writeError, onEntryRequest, requestEntry, flush: () => writes.current };
}

/** The current time, re-read every half second while `ticking` (for timers). */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
