import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { GameSession } from "../app/session";
import type { AppState } from "../app/store";

/** The session the views talk to. */
export const SessionContext = createContext<GameSession | null>(null);

/** The session; views send it what the player did. */
export function useSession(): GameSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession needs a SessionContext provider");
  return session;
}

/** The store's state, re-rendering on every change (the app is small enough to render whole). */
export function useAppState(): AppState {
  const session = useSession();
  const [state, setState] = useState(session.store.getState());
  useEffect(() => {
    setState(session.store.getState());
    return session.store.subscribe((next) => setState(next));
  }, [session]);
  return state;
}
