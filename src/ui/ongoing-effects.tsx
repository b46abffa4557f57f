import type { RunState, Scenario } from "../engine/index";
import { lookup } from "../engine/index";

/** The modifiers in force: named ongoing effects and the weeks they have left. */
export function OngoingEffects({ scenario, state }: { scenario: Scenario; state: RunState }) {
  if (state.modifiers.length === 0) return null;
  return (
    <p class="ongoing">
      <strong>Ongoing:</strong>{" "}
      {state.modifiers
        .map((m) => {
          const def = lookup(scenario.modifiers, m.id);
          const label = def?.label ?? m.id;
          if (m.weeksLeft === null) return label;
          return `${label} (${m.weeksLeft} ${m.weeksLeft === 1 ? "week" : "weeks"} left)`;
        })
        .join("; ")}
    </p>
  );
}
