import { useState } from "preact/hooks";
import type { BundledScenario } from "../../app/bundled-scenarios";
import {
  createSession,
  MAX_TEAMS,
  MIN_TEAMS,
  newWorkshopId,
  type RevealSetting,
} from "../../app/workshop/session-model";
import { randomSeed } from "../../engine/index";
import { repository } from "./use-workshop";
import { consoleHash } from "./workshop-route";

const DEFAULT_NAMES = [
  "Red",
  "Blue",
  "Green",
  "Yellow",
  "Purple",
  "Orange",
  "Teal",
  "Pink",
  "Grey",
  "Brown",
  "Navy",
  "Olive",
];

/** Setting up a workshop: the scenario, the teams (2 to 12), the timer, when to reveal, the teams' luck. */
export function SetupForm({ scenarios }: { scenarios: BundledScenario[] }) {
  const playable = scenarios.flatMap((e) => (e.ok ? [e.scenario] : []));
  const [scenarioId, setScenarioId] = useState(playable[0]?.id ?? "");
  const [name, setName] = useState("");
  const [teams, setTeams] = useState<string[]>(DEFAULT_NAMES.slice(0, 3));
  const [timer, setTimer] = useState("180");
  const [reveal, setReveal] = useState<RevealSetting>("each");
  const [sameSeed, setSameSeed] = useState(true);
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const scenario = playable.find((s) => s.id === scenarioId);
    if (!scenario) {
      setProblem("Pick a scenario.");
      return;
    }
    const seconds = timer.trim() === "" ? 0 : Number(timer);
    const created = createSession(
      scenario,
      { name, teamNames: teams, timerSeconds: Number.isFinite(seconds) ? seconds : -1, reveal, sameSeed },
      { id: newWorkshopId(), now: Date.now(), newSeed: randomSeed },
    );
    if (!created.ok) {
      setProblem(created.reason);
      return;
    }
    setBusy(true);
    try {
      await repository.put(created.session);
      location.hash = consoleHash(created.session.id);
    } catch (err) {
      setProblem(`The workshop could not be saved: ${(err as Error)?.message ?? err}`);
      setBusy(false);
    }
  }

  return (
    <section class="card setup-form" aria-labelledby="setup-heading">
      <h2 id="setup-heading">New workshop</h2>
      <form onSubmit={submit} noValidate>
        <p>
          <label for="ws-scenario">Scenario</label>
          <select id="ws-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.currentTarget.value)}>
            {playable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} (about {s.minutes} minutes)
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="ws-name">Workshop name</label>
          <input
            id="ws-name"
            type="text"
            value={name}
            placeholder="e.g. Leadership offsite, Tuesday"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </p>
        <fieldset>
          <legend>Teams ({teams.length})</legend>
          <ol class="team-names">
            {teams.map((team, i) => (
              <li key={i}>
                <label for={`ws-team-${i}`}>Name of team {i + 1}</label>
                <input
                  id={`ws-team-${i}`}
                  type="text"
                  value={team}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    setTeams((all) => all.map((n, j) => (j === i ? value : n)));
                  }}
                />
                {teams.length > MIN_TEAMS && (
                  <button
                    type="button"
                    class="quiet"
                    onClick={() => setTeams((all) => all.filter((_, j) => j !== i))}
                  >
                    Remove team {i + 1}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {teams.length < MAX_TEAMS && (
            <button
              type="button"
              onClick={() =>
                setTeams((all) => [
                  ...all,
                  DEFAULT_NAMES.find((n) => !all.includes(n)) ?? `Team ${all.length + 1}`,
                ])
              }
            >
              Add a team
            </button>
          )}
        </fieldset>
        <p>
          <label for="ws-timer">Decision timer in seconds (0 for no timer)</label>
          <input
            id="ws-timer"
            type="number"
            min="0"
            max="3600"
            step="1"
            value={timer}
            onInput={(e) => setTimer(e.currentTarget.value)}
          />
        </p>
        <fieldset>
          <legend>Reveal “what really happened”</legend>
          <label class="inline">
            <input
              type="radio"
              name="ws-reveal"
              checked={reveal === "each"}
              onChange={() => setReveal("each")}
            />{" "}
            After each decision
          </label>
          <label class="inline">
            <input
              type="radio"
              name="ws-reveal"
              checked={reveal === "end"}
              onChange={() => setReveal("end")}
            />{" "}
            At the end
          </label>
        </fieldset>
        <p>
          <label class="inline">
            <input
              type="checkbox"
              checked={sameSeed}
              onChange={(e) => setSameSeed(e.currentTarget.checked)}
            />{" "}
            Every team has the same luck (one seed), so only their choices differ
          </label>
        </p>
        {problem && (
          <p class="notice" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          Create workshop
        </button>
      </form>
    </section>
  );
}
