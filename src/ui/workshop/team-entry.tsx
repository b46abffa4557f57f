import { useState } from "preact/hooks";
import { formatMetric, visibleMetrics } from "../../app/metric-format";
import type { TeamRuns, WorkshopSession, WorkshopTeam } from "../../app/workshop/session-model";
import { choicesAt, lookup, type Scenario } from "../../engine/index";

/**
 * One team's entry for this round: a radio group named by the team (the choices at the team's own node,
 * unavailable ones disabled with the reason) and a button that enters the selected choice.
 */
export function TeamEntry({
  scenario,
  session,
  runs,
  team,
  onEnter,
  teamScreen,
  sendLabel,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
  team: WorkshopTeam;
  onEnter: (teamId: string, choiceId: string) => void;
  /** The address of the team's own screen (on the console), or none. */
  teamScreen?: string;
  /** The button's text: "Enter choice for <team>" on the console. */
  sendLabel?: string;
}) {
  const state = runs.get(team.id)!;
  const views = choicesAt(scenario, state);
  const entered = Object.hasOwn(session.pending, team.id) ? session.pending[team.id] : undefined;
  const [selected, setSelected] = useState<string | null>(null);
  const value = selected ?? entered ?? null;
  const canEnter = session.phase === "deciding" || session.phase === "paused";
  const base = `entry-${team.id}`;
  const enteredLabel = entered ? views.find((v) => v.choice.id === entered)?.choice.label : undefined;
  return (
    <fieldset class="team-entry">
      <legend>{team.name}</legend>
      {teamScreen && (
        <a class="team-screen-link" href={teamScreen} target={`team-${team.id}`}>
          Open {team.name}'s own screen
        </a>
      )}
      <TeamStatus scenario={scenario} session={session} runs={runs} team={team} />
      <p class={`entry-state${entered ? " entered" : ""}`} id={`${base}-state`}>
        {enteredLabel ? `Entered: ${enteredLabel}` : "No entry yet"}
      </p>
      <ul class="entry-choices">
        {views.map((v) => (
          <li key={v.choice.id}>
            <label class={v.available ? undefined : "unavailable"}>
              <input
                type="radio"
                name={base}
                value={v.choice.id}
                checked={value === v.choice.id}
                disabled={!v.available || !canEnter}
                aria-describedby={v.available ? undefined : `${base}-${v.choice.id}-why`}
                onChange={() => setSelected(v.choice.id)}
              />{" "}
              {v.choice.label} <span class="muted">({weeks(v.choice.weeks)})</span>
            </label>
            {!v.available && (
              <span class="choice-reason" id={`${base}-${v.choice.id}-why`}>
                Not available: {v.reason}
              </span>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        disabled={!canEnter || value === null || value === entered}
        onClick={() => {
          if (value) onEnter(team.id, value);
          setSelected(null);
        }}
      >
        {sendLabel ?? `Enter choice for ${team.name}`}
      </button>
    </fieldset>
  );
}

/** A team's place in its run: the week, its metrics and, once ended, the ending. */
export function TeamStatus({
  scenario,
  runs,
  team,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
  team: WorkshopTeam;
}) {
  const state = runs.get(team.id)!;
  const ending = state.ending ? lookup(scenario.endings, state.ending) : undefined;
  return (
    <div class="team-status">
      <p>
        Week {state.week}
        {ending
          ? ` · Ended: ${ending.title}`
          : state.status === "stuck"
            ? " · Stuck: no choice is available"
            : ""}
      </p>
      <ul class="team-metrics" aria-label={`${team.name}'s metrics`}>
        {visibleMetrics(scenario.metrics).map((m) => (
          <li key={m.id}>
            {m.label}: {formatMetric(m, state.metrics[m.id] ?? 0)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function weeks(n: number): string {
  return n === 1 ? "1 week" : `${n} weeks`;
}
