/**
 * A synchronous copy of unsaved typing (localStorage), written when the page is hidden or closed: IndexedDB
 * writes are asynchronous and may not finish before the page goes, localStorage writes do. The editor takes
 * the copy back on the next visit if it never reached the library.
 */
export interface Draft {
  yaml: string;
  baseRevision: number;
  at: string;
}

const key = (id: string) => `change-is-hard-author-draft:${id}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function writeDraft(id: string, yaml: string, baseRevision: number): void {
  try {
    storage()?.setItem(key(id), JSON.stringify({ yaml, baseRevision, at: new Date().toISOString() }));
  } catch {
    // Full or forbidden: the asynchronous save is still under way.
  }
}

export function readDraft(id: string): Draft | null {
  try {
    const value = JSON.parse(storage()?.getItem(key(id)) ?? "null") as Partial<Draft> | null;
    if (!value || typeof value.yaml !== "string" || !Number.isInteger(value.baseRevision)) return null;
    return { yaml: value.yaml, baseRevision: value.baseRevision!, at: String(value.at ?? "") };
  } catch {
    return null;
  }
}

export function clearDraft(id: string): void {
  try {
    storage()?.removeItem(key(id));
  } catch {
    // Nothing to clear.
  }
}
