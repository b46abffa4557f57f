import { useEffect, useRef } from "preact/hooks";
import type { ActiveRun } from "../app/store";
import { choicesAt, lookup } from "../engine/index";
import { useSession } from "./session-context";

/** The decision at hand: the node's title and narrative, and its choices (number keys pick them). */
export function NodeView({ run }: { run: ActiveRun }) {
  const session = useSession();
  const { scenario, state } = run;
  const node = lookup(scenario.nodes, state.at);
  const views = choicesAt(scenario, state);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new decision: move focus to its title so it is read first.
  useEffect(() => {
    heading.current?.focus();
  }, [state.at, state.choices.length]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const n = Number.parseInt(e.key, 10);
      const view = Number.isNaN(n) ? undefined : views[n - 1];
      if (view?.available) {
        e.preventDefault();
        session.choose(view.choice.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [session, views]);

  if (!node) return null;
  return (
    <article class="node" aria-labelledby="node-heading">
      <h2 id="node-heading" ref={heading} tabIndex={-1}>
        {node.title}
      </h2>
      {node.text.split(/\n\s*\n/).map((para) => (
        <p key={para}>{para}</p>
      ))}
      <section class="choices" aria-label="Choices">
        <ol>
          {views.map((v, i) => {
            const reasonId = `reason-${v.choice.id}`;
            return (
              <li key={v.choice.id}>
                <button
                  type="button"
                  class="choice"
                  disabled={!v.available}
                  aria-describedby={v.available ? undefined : reasonId}
                  onClick={() => session.choose(v.choice.id)}
                >
                  <span class="choice-key" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span class="choice-label">{v.choice.label}</span>
                  <span class="choice-cost">
                    {v.choice.weeks} {v.choice.weeks === 1 ? "week" : "weeks"}
                  </span>
                </button>
                {!v.available && (
                  <p class="choice-reason" id={reasonId}>
                    Not available: {v.reason}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
        <p class="hint">Press a number key to pick a choice.</p>
      </section>
    </article>
  );
}
