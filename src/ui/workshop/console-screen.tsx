import { useEffect, useRef, useState } from "preact/hooks";
import {
  activeTeams,
  backToRounds,
  closeRound,
  endWorkshop,
  enterChoice,
  pause,
  resume,
  startWorkshop,
  type TeamRuns,
  timeIsUp,
  undoLastEntry,
  type WorkshopSession,
} from "../../app/workshop/session-model";
import { choiceLabel, teamsByNode } from "../../app/workshop/team-paths";
import type { EntryRequestMessage } from "../../app/workshop/workshop-sync";
import { lookup, type Scenario } from "../../engine/index";
import { LiveComparison } from "./live-comparison";
import { RoomDebrief } from "./room-debrief";
import { RoundTimer } from "./round-timer";
import { TeamEntry, TeamStatus } from "./team-entry";
import { type Applied, useNow, useWorkshop } from "./use-workshop";
import { WorkshopExport } from "./workshop-export";
import { WorkshopProblem } from "./workshop-problem";
import { projectorHash, teamHash } from "./workshop-route";

/** The facilitator's private console: notes, every team's state and entry, the round's controls. */
export function ConsoleScreen({ id }: { id: string }) {
  const { loaded, apply, writeError, onEntryRequest } = useWorkshop(id, true);
  if (loaded.status !== "ready") return <WorkshopProblem loaded={loaded} view="console" />;
  return (
    <ConsoleReady
      scenario={loaded.scenario}
      session={loaded.session}
      runs={loaded.runs}
      apply={apply}
      writeError={writeError}
      onEntryRequest={onEntryRequest}
    />
  );
}

function ConsoleReady({
  scenario,
  session,
  runs,
  apply,
  writeError,
  onEntryRequest,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
  apply: (change: (s: WorkshopSession) => ReturnType<typeof startWorkshop>) => Applied;
  writeError: string | null;
  onEntryRequest: { current: ((m: EntryRequestMessage) => void) | null };
}) {
  const now = useNow(session.phase === "deciding");
  const [message, setMessage] = useState<{ text: string; refused: boolean }>({ text: "", refused: false });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const t = () => Date.now();

  function act(
    change: (s: WorkshopSession) => ReturnType<typeof startWorkshop>,
    said: (s: WorkshopSession) => string,
  ) {
    const result = apply(change);
    setMessage(
      result.ok ? { text: said(result.session), refused: false } : { text: result.reason, refused: true },
    );
  }
  const teamName = (teamId: string) => session.teams.find((x) => x.id === teamId)?.name ?? teamId;
  // A team's own screen asks for an entry: checked and saved here, like one typed on the console.
  onEntryRequest.current = (m) => {
    const at = runs.get(m.teamId)?.at ?? "";
    act(
      (s) => enterChoice(s, scenario, m.teamId, m.choiceId, t()),
      () => `${teamName(m.teamId)} entered from its own screen: ${choiceLabel(scenario, at, m.choiceId)}.`,
    );
  };

  const deciding = session.phase === "deciding" || session.phase === "paused";
  const active = activeTeams(session, runs);
  const entered = active.filter((x) => Object.hasOwn(session.pending, x.id));
  const allIn = active.length > 0 && entered.length === active.length;
  const groups = teamsByNode(session, runs);
  const ended = session.teams.filter((x) => runs.get(x.id)?.status !== "deciding");

  return (
    <main class="screen workshop-console">
      <header class="workshop-header">
        <p class="muted no-print">
          <a href="#/workshop">All workshops</a> · Facilitator console (private)
        </p>
        <h1 ref={heading} tabIndex={-1}>
          {session.name}
        </h1>
        <p>
          {scenario.title} ·{" "}
          {session.phase === "debrief"
            ? "Debrief"
            : session.phase === "setup"
              ? "Not started"
              : `Round ${session.round}`}
          {session.phase === "paused" ? " · Paused for discussion" : ""}
        </p>
      </header>
      <div class="console-bar">
        {session.phase !== "debrief" && <RoundTimer session={session} now={now} />}
        <div class="button-row">
          {session.phase === "setup" && (
            <button
              type="button"
              class="primary"
              onClick={() =>
                act(
                  (s) => startWorkshop(s, t()),
                  () => "Round 1 has started.",
                )
              }
            >
              Start round 1
            </button>
          )}
          {session.phase === "deciding" && (
            <button
              type="button"
              onClick={() =>
                act(
                  (s) => pause(s, t()),
                  () => "Paused for discussion.",
                )
              }
            >
              Pause timer
            </button>
          )}
          {session.phase === "paused" && (
            <button
              type="button"
              onClick={() =>
                act(
                  (s) => resume(s, t()),
                  () => "The round goes on.",
                )
              }
            >
              Resume timer
            </button>
          )}
          {deciding && (
            <button
              type="button"
              class={allIn || timeIsUp(session, now) ? "primary" : undefined}
              onClick={() =>
                act(
                  (s) => closeRound(s, scenario, t()),
                  (s) => {
                    const r = s.rounds[s.rounds.length - 1]!;
                    const stayed = r.without.length
                      ? ` No entry, so stayed: ${r.without.map(teamName).join(", ")}.`
                      : "";
                    return `Round ${r.round} closed: ${r.advanced.map((a) => teamName(a.teamId)).join(", ")} moved on.${stayed}${s.phase === "debrief" ? " Every team has reached an ending: the debrief is open." : ""}`;
                  },
                )
              }
            >
              Close round
            </button>
          )}
          {session.phase !== "setup" && (
            <button
              type="button"
              onClick={() =>
                act(
                  (s) => undoLastEntry(s, t()),
                  (s) =>
                    s.round < session.round
                      ? `Round ${s.round} reopened: its entries are back and the timer is paused.`
                      : "The last entry was taken back.",
                )
              }
            >
              Undo last entry
            </button>
          )}
          <button
            type="button"
            onClick={() => window.open(projectorHash(session.id), `projector-${session.id}`)}
          >
            Open projector view
          </button>
          {deciding && (
            <button
              type="button"
              onClick={() =>
                act(
                  (s) => endWorkshop(s, t()),
                  () => "The debrief is open.",
                )
              }
            >
              End workshop and show debrief
            </button>
          )}
          {session.phase === "debrief" && active.length > 0 && (
            <button
              type="button"
              onClick={() =>
                act(
                  (s) => backToRounds(s, runs, t()),
                  (s) => `Round ${s.round} has started.`,
                )
              }
            >
              Back to the rounds
            </button>
          )}
        </div>
      </div>
      <p
        class={message.refused ? "notice" : "console-message no-print"}
        role={message.refused ? "alert" : "status"}
      >
        {message.text}
      </p>
      {writeError && (
        <p class="notice" role="alert">
          {writeError}
        </p>
      )}

      {session.phase === "debrief" ? (
        <>
          <RoomDebrief scenario={scenario} session={session} runs={runs} />
          <WorkshopExport scenario={scenario} session={session} runs={runs} />
        </>
      ) : (
        <>
          {deciding && (
            <p class="entry-count">
              {allIn
                ? "Every team has an entry: close the round when the room is ready."
                : `${entered.length} of ${active.length} teams have an entry.`}
            </p>
          )}
          {groups.map((g) => {
            const node = lookup(scenario.nodes, g.node)!;
            return (
              <section key={g.node} class="node-group card" aria-labelledby={`node-${g.node}`}>
                <h2 id={`node-${g.node}`}>{node.title}</h2>
                <p class="muted">Here: {g.teamIds.map(teamName).join(", ")}</p>
                <p>{node.text}</p>
                {node.facilitator && (
                  <aside class="facilitator-notes" aria-label={`Facilitator notes for ${node.title}`}>
                    <strong>Facilitator notes:</strong> {node.facilitator}
                  </aside>
                )}
                <div class="team-entries">
                  {g.teamIds.map((teamId) => {
                    const team = session.teams.find((x) => x.id === teamId)!;
                    return (
                      <TeamEntry
                        key={`${teamId}-${team.choices.length}`}
                        scenario={scenario}
                        session={session}
                        runs={runs}
                        team={team}
                        teamScreen={teamHash(session.id, team.id)}
                        onEnter={(tid, cid) =>
                          act(
                            (s) => enterChoice(s, scenario, tid, cid, t()),
                            () =>
                              `Entered for ${teamName(tid)}: ${node.choices.find((c) => c.id === cid)?.label ?? cid}.`,
                          )
                        }
                      />
                    );
                  })}
                </div>
              </section>
            );
          })}
          {ended.length > 0 && (
            <section class="card" aria-labelledby="ended-heading">
              <h2 id="ended-heading">Teams that have finished</h2>
              {ended.map((team) => (
                <div key={team.id}>
                  <h3>{team.name}</h3>
                  <TeamStatus scenario={scenario} session={session} runs={runs} team={team} />
                </div>
              ))}
            </section>
          )}
          <LiveComparison scenario={scenario} session={session} runs={runs} />
        </>
      )}
    </main>
  );
}
