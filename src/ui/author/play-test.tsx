import { useEffect, useState } from "preact/hooks";
import { formatDelta, formatMetric } from "../../app/metric-format";
import {
  type Cause,
  choicesAt,
  choose,
  lookup,
  type RunState,
  type Scenario,
  startRunAt,
  type TimedCause,
} from "../../engine/index";

/**
 * Play-test from any node: pick the node, set every metric (hidden ones too) and flag, then play with every
 * metric shown; after each choice a table lists every cause the engine applied (choice, outcome, flows,
 * modifiers, events), in the order they applied.
 */
export function PlayTest({ scenario, focusNode }: { scenario: Scenario; focusNode: string | null }) {
  const nodeIds = Object.keys(scenario.nodes);
  const [node, setNode] = useState(
    focusNode && lookup(scenario.nodes, focusNode) ? focusNode : scenario.start,
  );
  const [metrics, setMetrics] = useState<Record<string, string>>(() => startValues(scenario));
  const [flags, setFlags] = useState<Record<string, boolean>>(() => startFlags(scenario));
  const [seed, setSeed] = useState("1");
  const [run, setRun] = useState<RunState | null>(null);
  /** The scenario the running play-test started with: typing in the editor does not pull it from under it. */
  const [runScenario, setRunScenario] = useState<Scenario | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // A new version of the scenario: keep the form where it still makes sense (a running test keeps its own).
  useEffect(() => {
    if (!lookup(scenario.nodes, node)) setNode(scenario.start);
    setMetrics((m) => ({
      ...startValues(scenario),
      ...pick(
        m,
        scenario.metrics.map((x) => x.id),
      ),
    }));
    setFlags((f) => ({
      ...startFlags(scenario),
      ...pick(
        f,
        scenario.flags.map((x) => x.id),
      ),
    }));
  }, [scenario]);

  const start = (e: Event) => {
    e.preventDefault();
    const values: Record<string, number> = {};
    for (const m of scenario.metrics) {
      const v = Number(metrics[m.id]);
      if (metrics[m.id]?.trim() === "" || !Number.isFinite(v)) {
        setProblem(`${m.label} must be a number.`);
        return;
      }
      values[m.id] = v;
    }
    const s = Number(seed);
    const result = startRunAt(scenario, Number.isInteger(s) ? s : 1, { node, metrics: values, flags });
    if (!result.ok) {
      setProblem(`The play-test could not start: ${result.reason}.`);
      return;
    }
    setProblem(null);
    setRunScenario(scenario);
    setRun(result.state);
  };

  return (
    <section class="play-test" aria-labelledby="play-test-heading">
      <h2 id="play-test-heading">Play-test</h2>
      <form class="play-test-form" onSubmit={start}>
        <label>
          Start at node{" "}
          <select value={node} onChange={(e) => setNode((e.target as HTMLSelectElement).value)}>
            {nodeIds.map((id) => (
              <option key={id} value={id}>
                {scenario.nodes[id]!.title} ({id})
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Starting metrics</legend>
          {scenario.metrics.map((m) => (
            <label key={m.id}>
              {m.label}
              {m.hidden ? " (hidden)" : ""}{" "}
              <input
                type="number"
                step="any"
                value={metrics[m.id] ?? ""}
                onInput={(e) => setMetrics({ ...metrics, [m.id]: (e.target as HTMLInputElement).value })}
              />
            </label>
          ))}
        </fieldset>
        {scenario.flags.length > 0 && (
          <fieldset>
            <legend>Starting flags</legend>
            {scenario.flags.map((f) => (
              <label key={f.id} class="check">
                <input
                  type="checkbox"
                  checked={flags[f.id] ?? false}
                  onChange={(e) => setFlags({ ...flags, [f.id]: (e.target as HTMLInputElement).checked })}
                />{" "}
                {f.label} ({f.id})
              </label>
            ))}
          </fieldset>
        )}
        <label>
          Seed{" "}
          <input
            type="number"
            step="1"
            value={seed}
            onInput={(e) => setSeed((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="button primary">
          Start play-test
        </button>
      </form>
      {problem && (
        <p role="alert" class="notice">
          {problem}
        </p>
      )}
      {run && runScenario && runScenario !== scenario && (
        <p class="notice" role="status">
          The scenario has changed since this play-test started; it goes on with the text it started with.
          Start again to use the new text.
        </p>
      )}
      {run && runScenario && <RunView scenario={runScenario} run={run} onChoose={setRun} />}
    </section>
  );
}

function RunView({
  scenario,
  run,
  onChoose,
}: {
  scenario: Scenario;
  run: RunState;
  onChoose: (s: RunState) => void;
}) {
  const node = lookup(scenario.nodes, run.at);
  const ending = run.ending ? lookup(scenario.endings, run.ending) : undefined;
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <div class="play-test-run">
      <table class="metric-table">
        <caption>Every metric at week {run.week}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {scenario.metrics.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.label}
                {m.hidden ? " (hidden)" : ""}
              </th>
              <td>{formatMetric(m, run.metrics[m.id] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Flags set:{" "}
        {scenario.flags
          .filter((f) => run.flags[f.id])
          .map((f) => f.id)
          .join(", ") || "none"}
        . Active modifiers:{" "}
        {run.modifiers
          .map((m) => `${m.id}${m.weeksLeft === null ? "" : ` (${m.weeksLeft} weeks left)`}`)
          .join(", ") || "none"}
        .
      </p>
      {run.lastStep && <CauseTable scenario={scenario} run={run} />}
      {run.lastStep && run.lastStep.weeks > 0 && <WeekTable scenario={scenario} run={run} />}
      <div aria-live="polite">
        {run.status === "ended" && ending && (
          <h3>
            Ended: {ending.title} (rating {ending.rating})
          </h3>
        )}
        {run.status === "stuck" && <h3>Stuck: no choice is available at “{node?.title}”</h3>}
        {run.status === "deciding" && node && <h3>At: {node.title}</h3>}
      </div>
      {run.status === "deciding" && node && (
        <>
          <p>{node.text}</p>
          <ul class="play-test-choices" aria-label="Play-test choices">
            {choicesAt(scenario, run).map((c) => (
              <li key={c.choice.id}>
                <button
                  type="button"
                  class="button"
                  disabled={!c.available}
                  onClick={() => {
                    const next = choose(scenario, run, c.choice.id);
                    if (next.ok) {
                      setRefused(null);
                      onChoose(next.state);
                    } else setRefused(next.reason);
                  }}
                >
                  {c.choice.label}
                </button>{" "}
                <span class="muted">
                  {c.choice.weeks} week{c.choice.weeks === 1 ? "" : "s"}
                  {c.available ? "" : ` · unavailable: ${c.reason}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {refused && <p role="alert">{refused}</p>}
    </div>
  );
}

function CauseTable({ scenario, run }: { scenario: Scenario; run: RunState }) {
  const step = run.lastStep!;
  const node = lookup(scenario.nodes, step.node);
  const choice = node?.choices.find((c) => c.id === step.choice);
  return (
    <table class="cause-table">
      <caption>
        What “{choice?.label ?? step.choice}” changed over {step.weeks} week{step.weeks === 1 ? "" : "s"},
        cause by cause
      </caption>
      <thead>
        <tr>
          <th scope="col">Cause</th>
          <th scope="col">Metric</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {step.causes.map((c, i) => {
          const def = scenario.metrics.find((m) => m.id === c.metric);
          return (
            <tr key={`${i}-${c.source}-${c.id}-${c.metric}`}>
              <td>{describeCause(c)}</td>
              <td>{def?.label ?? c.metric}</td>
              <td>{def ? formatDelta(def, c.delta) : String(c.delta)}</td>
            </tr>
          );
        })}
        {step.causes.length === 0 && (
          <tr>
            <td colSpan={3}>No metric changed.</td>
          </tr>
        )}
      </tbody>
      {(step.events.length > 0 || step.outcomeText) && (
        <tfoot>
          <tr>
            <td colSpan={3}>
              {step.outcomeText && `Outcome: ${step.outcomeText} `}
              {step.events.length > 0 && `Events: ${step.events.join(", ")}`}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** The metrics at the end of each week of the last choice: the flows as they applied, week by week. */
function WeekTable({ scenario, run }: { scenario: Scenario; run: RunState }) {
  const weeks = run.lastStep!.weeks;
  const points = run.history.points.slice(-(weeks + 1));
  return (
    <table class="week-table">
      <caption>Week by week</caption>
      <thead>
        <tr>
          <th scope="col">Week</th>
          {scenario.metrics.map((m) => (
            <th key={m.id} scope="col">
              {m.label}
            </th>
          ))}
          <th scope="col">What applied</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.week}>
            <th scope="row">{p.week}</th>
            {scenario.metrics.map((m) => (
              <td key={m.id}>{formatMetric(m, p.metrics[m.id] ?? 0)}</td>
            ))}
            <td>{appliedIn(scenario, run.lastStep!.weekly, p.week)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The causes that applied in one week, e.g. "Weekly flows: Budget −5, Trust −1; Modifier slow: Velocity −0.2". */
function appliedIn(scenario: Scenario, weekly: TimedCause[], week: number): string {
  const parts = new Map<string, string[]>();
  for (const c of weekly) {
    if (c.week !== week) continue;
    const def = scenario.metrics.find((m) => m.id === c.metric);
    const change = `${def?.label ?? c.metric} ${def ? formatDelta(def, c.delta) : String(c.delta)}`;
    const key = describeCause(c);
    parts.set(key, [...(parts.get(key) ?? []), change]);
  }
  return [...parts].map(([cause, changes]) => `${cause}: ${changes.join(", ")}`).join("; ") || "—";
}

function describeCause(c: Cause): string {
  switch (c.source) {
    case "choice":
      return `Choice ${c.id}`;
    case "outcome":
      return `Outcome of ${c.id}`;
    case "flow":
      return "Weekly flows";
    case "modifier":
      return `Modifier ${c.id}`;
    case "event":
      return `Event ${c.id}`;
  }
}

function startValues(scenario: Scenario): Record<string, string> {
  return Object.fromEntries(scenario.metrics.map((m) => [m.id, String(m.start)]));
}

function startFlags(scenario: Scenario): Record<string, boolean> {
  return Object.fromEntries(scenario.flags.map((f) => [f.id, f.start]));
}

function pick<T>(record: Record<string, T>, ids: string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => ids.includes(k)));
}
