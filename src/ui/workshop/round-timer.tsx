import { timeLeft, type WorkshopSession } from "../../app/workshop/session-model";

/** m:ss */
export function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** What the polite live region says: only at a few moments (a minute, 30 s, 10 s, time up, paused), never every second. */
export function timerAnnouncement(session: WorkshopSession, now: number): string {
  const left = timeLeft(session, now);
  if (session.phase === "paused") {
    return left === null ? "Paused for discussion." : `Paused for discussion with ${clock(left)} left.`;
  }
  if (session.phase !== "deciding" || left === null) return "";
  if (left === 0) return "Time is up.";
  if (left <= 10_000) return "10 seconds left.";
  if (left <= 30_000) return "30 seconds left.";
  if (left <= 60_000) return "1 minute left.";
  return "";
}

/** The round's timer: the time left (a `timer` role, not live), and a polite announcement at a few moments. */
export function RoundTimer({ session, now }: { session: WorkshopSession; now: number }) {
  const left = timeLeft(session, now);
  const paused = session.phase === "paused";
  let text: string;
  if (session.phase === "setup") text = left === null ? "No timer" : `${clock(left)} per decision`;
  else if (session.phase === "debrief") text = "Debrief";
  else if (left === null) text = paused ? "Paused" : "No timer";
  else if (left === 0 && !paused) text = "Time is up";
  else text = paused ? `${clock(left)} (paused)` : clock(left);
  return (
    <div class={`round-timer${left === 0 && !paused ? " time-up" : ""}${paused ? " paused" : ""}`}>
      <span class="round-timer-label" id="timer-label">
        Time left
      </span>
      <span role="timer" aria-labelledby="timer-label" class="round-timer-value">
        {text}
      </span>
      <p class="visually-hidden" role="status">
        {timerAnnouncement(session, now)}
      </p>
    </div>
  );
}
