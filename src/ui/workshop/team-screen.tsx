import { useState } from "preact/hooks";
import type { TeamRuns, WorkshopSession } from "../../app/workshop/session-model";
import { lookup, type Scenario } from "../../engine/index";
import { RoundTimer } from "./round-timer";
import { TeamEntry } from "./team-entry";
import { useNow, useWorkshop } from "./use-workshop";
import { WorkshopProblem } from "./workshop-problem";

/**
 * A team's own screen (on a shared screen in the room): its decision and choices, and a button that asks the
 * facilitator's console to enter the choice. Read-only otherwise: the console checks and saves every entry.
 */
export function TeamScreen({ id, teamId }: { id: string; teamId: string }) {
  const { loaded, requestEntry } = useWorkshop(id, false);
  if (loaded.status !== "ready") return <WorkshopProblem loaded={loaded} view="team screen" />;
  const team = loaded.session.teams.find((t) => t.id === teamId);
  if (!team) {
    return (
      <main class="screen">
        <h1>Not found</h1>
        <p role="alert">This workshop has no such team.</p>
      </main>
    );
  }
  return (
    <TeamReady
      scenario={loaded.scenario}
      session={loaded.session}
      runs={loaded.runs}
      teamId={teamId}
      requestEntry={requestEntry}
    />
  );
}

function TeamReady({
  scenario,
  session,
  runs,
  teamId,
  requestEntry,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
  teamId: string;
  requestEntry: (teamId: string, choiceId: string) => void;
}) {
  const now = useNow(session.phase === "deciding");
  const [sent, setSent] = useState("");
  const team = session.teams.find((t) => t.id === teamId)!;
  const state = runs.get(teamId)!;
  const node = lookup(scenario.nodes, state.at);
  const ending = state.ending ? lookup(scenario.endings, state.ending) : undefined;
  const open = session.phase === "deciding" || session.phase === "paused";
  return (
    <main class="screen team-screen">
      <header class="projector-header">
        <div>
          <h1>{team.name}</h1>
          <p class="projector-round">
            {scenario.title} ·{" "}
            {session.phase === "debrief"
              ? "Debrief"
              : session.phase === "setup"
                ? "Starting soon"
                : `Round ${session.round}`}
          </p>
        </div>
        {open && <RoundTimer session={session} now={now} />}
      </header>
      {ending ? (
        <p>Your run has ended: {ending.title}.</p>
      ) : !open ? (
        <p>
          {session.phase === "debrief" ? "The debrief is on the projector." : "Wait for the round to start."}
        </p>
      ) : (
        node && (
          <section aria-labelledby="team-node">
            <h2 id="team-node">{node.title}</h2>
            <p>{node.text}</p>
            <TeamEntry
              key={`${teamId}-${team.choices.length}`}
              scenario={scenario}
              session={session}
              runs={runs}
              team={team}
              sendLabel="Send our choice"
              onEnter={(tid, cid) => {
                requestEntry(tid, cid);
                setSent("Sent to the facilitator. It shows as entered once the console has taken it.");
              }}
            />
            <p role="status">{sent}</p>
          </section>
        )
      )}
    </main>
  );
}
