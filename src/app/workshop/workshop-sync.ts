/** The message the console posts after every saved change; the other windows reload the record from storage. */
export interface WorkshopSyncMessage {
  type: "saved";
  id: string;
  updatedAt: string;
}

/** What a team's own screen asks the console to enter for it (the console checks and saves it, or not). */
export interface EntryRequestMessage {
  type: "entry-request";
  id: string;
  teamId: string;
  choiceId: string;
}

/** The channel every window of one workshop shares. */
export function workshopChannelName(id: string): string {
  return `change-is-hard-workshop-${id}`;
}

/**
 * Same-browser sync between a workshop's console (the only writer) and its other windows: the projector and the
 * teams' screens (read-only; a team's screen asks the console to enter its choice). A no-op where
 * BroadcastChannel is missing: the other windows then still load the saved record when they open.
 */
export class WorkshopSync {
  private readonly channel: BroadcastChannel | null;

  constructor(
    id: string,
    handlers: {
      onSaved?: (message: WorkshopSyncMessage) => void;
      onEntryRequest?: (message: EntryRequestMessage) => void;
    } = {},
  ) {
    this.channel =
      typeof BroadcastChannel === "function" ? new BroadcastChannel(workshopChannelName(id)) : null;
    if (!this.channel) return;
    this.channel.onmessage = (e: MessageEvent) => {
      const data = e.data as Record<string, unknown> | null;
      if (data?.id !== id) return;
      if (data.type === "saved" && typeof data.updatedAt === "string") {
        handlers.onSaved?.(data as unknown as WorkshopSyncMessage);
      } else if (
        data.type === "entry-request" &&
        typeof data.teamId === "string" &&
        typeof data.choiceId === "string"
      ) {
        handlers.onEntryRequest?.(data as unknown as EntryRequestMessage);
      }
    };
  }

  /** Tells the other windows a new version is saved. */
  saved(id: string, updatedAt: string): void {
    this.channel?.postMessage({ type: "saved", id, updatedAt } satisfies WorkshopSyncMessage);
  }

  /** Asks the console to enter a team's choice. */
  requestEntry(id: string, teamId: string, choiceId: string): void {
    this.channel?.postMessage({ type: "entry-request", id, teamId, choiceId } satisfies EntryRequestMessage);
  }

  close(): void {
    this.channel?.close();
  }
}
