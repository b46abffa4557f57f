/** The message the console posts after every saved change; the projector reloads the record from storage. */
export interface WorkshopSyncMessage {
  type: "saved";
  id: string;
  updatedAt: string;
}

/** The channel both windows of one workshop share. */
export function workshopChannelName(id: string): string {
  return `change-is-hard-workshop-${id}`;
}

/**
 * Same-browser sync between a workshop's console (the only writer) and its projector (read-only). A no-op where
 * BroadcastChannel is missing: the projector then still loads the saved record when it opens.
 */
export class WorkshopSync {
  private readonly channel: BroadcastChannel | null;

  constructor(id: string, onSaved?: (message: WorkshopSyncMessage) => void) {
    this.channel =
      typeof BroadcastChannel === "function" ? new BroadcastChannel(workshopChannelName(id)) : null;
    if (this.channel && onSaved) {
      this.channel.onmessage = (e: MessageEvent) => {
        const data = e.data as Partial<WorkshopSyncMessage> | null;
        if (data?.type === "saved" && typeof data.id === "string" && typeof data.updatedAt === "string") {
          onSaved(data as WorkshopSyncMessage);
        }
      };
    }
  }

  /** Tells the other window a new version is saved. */
  saved(id: string, updatedAt: string): void {
    this.channel?.postMessage({ type: "saved", id, updatedAt } satisfies WorkshopSyncMessage);
  }

  close(): void {
    this.channel?.close();
  }
}
