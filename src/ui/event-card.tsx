import { useEffect, useRef } from "preact/hooks";
import type { ActiveRun } from "../app/store";
import { useSession } from "./session-context";

/** Interruptions from the last step, each on its own card, before the run goes on. */
export function EventCards({ run }: { run: ActiveRun }) {
  const session = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [run.pendingEvents]);
  const events = run.pendingEvents
    .map((id) => run.scenario.events.find((e) => e.id === id))
    .filter((e) => e !== undefined);
  return (
    <section class="event-cards" aria-labelledby="event-heading">
      <h2 id="event-heading" ref={heading} tabIndex={-1}>
        {events.length === 1 ? "Something happened" : `${events.length} things happened`}
      </h2>
      {events.map((ev) => (
        <article key={ev.id} class="card event-card" aria-label={ev.title}>
          <h3>{ev.title}</h3>
          <p>{ev.text}</p>
        </article>
      ))}
      <button type="button" class="primary" onClick={() => session.acknowledgeEvents()}>
        Continue
      </button>
    </section>
  );
}
