import type { ActiveRun, AppState } from "../app/store";

/** "Saved" once the run as it is now has been written; "Saving…" until then (a reload loses only the unsaved). */
export function SaveStatus({ run, state }: { run: ActiveRun; state: AppState }) {
  const { saved, saving } = state;
  const done =
    saving === 0 && saved !== null && saved.runId === run.runId && saved.choices === run.state.choices.length;
  return <p class="save-status">{done ? "Saved" : "Saving…"}</p>;
}
