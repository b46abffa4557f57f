import { createInterface } from "node:readline/promises";
import {
  choicesAt,
  choose,
  formatDiagnostic,
  lookup,
  type RunState,
  type Scenario,
  startRun,
} from "../engine/index";
import { intOption, parse, UsageError } from "./args";
import { loadScenarioFile } from "./files";
import { metricsLine, stepLines } from "./format-run";
import type { Output } from "./output";

/** `play <file>`: a text playthrough, scripted (--choose, --auto) or interactive in a terminal. */
export async function playCommand(argv: string[], out: Output, interactive: boolean): Promise<number> {
  const { values, positionals } = parse(argv, {
    seed: { type: "string" },
    choose: { type: "string" },
    auto: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("play needs exactly one scenario file");
  const seed = intOption(values.seed, "seed", 1);
  const auto = values.auto as string | undefined;
  if (auto !== undefined && auto !== "first" && auto !== "random")
    throw new UsageError('--auto must be "first" or "random"');
  const scripted =
    typeof values.choose === "string"
      ? values.choose
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : null;
  if (!scripted && !auto && !interactive) {
    throw new UsageError("play needs --choose or --auto when it is not run in a terminal");
  }
  const json = values.json === true;
  const loaded = loadScenarioFile(positionals[0]!);
  for (const d of loaded.diagnostics) out.err(formatDiagnostic(d));
  if (!loaded.ok) return 1;
  const scenario = loaded.scenario;

  let state = startRun(scenario, seed);
  let policy = seed;
  const rl = !scripted && !auto ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  const say = (line: string) => {
    if (!json) out.out(line);
  };
  say(`${scenario.title} (seed ${seed})`);
  try {
    let step = 0;
    while (state.status === "deciding") {
      const node = lookup(scenario.nodes, state.at)!;
      const views = choicesAt(scenario, state);
      say("");
      say(`== Week ${state.week}: ${node.title} ==`);
      say(node.text);
      say(metricsLine(scenario, state));
      views.forEach((v, i) => {
        const cost = `${v.choice.weeks} week${v.choice.weeks === 1 ? "" : "s"}`;
        say(
          `  ${i + 1}. ${v.choice.label} [${v.choice.id}, ${cost}]${v.available ? "" : ` (unavailable: ${v.reason})`}`,
        );
      });
      let pick: string;
      if (scripted) {
        if (step >= scripted.length) {
          out.err(`the run is still at node "${state.at}" after the ${scripted.length} choices given`);
          return json ? finishJson(out, scenario, state, 2) : 2;
        }
        pick = scripted[step]!;
      } else if (auto === "first") pick = views.find((v) => v.available)!.choice.id;
      else if (auto === "random") {
        const available = views.filter((v) => v.available);
        policy = (policy * 1103515245 + 12345) % 2147483648;
        pick = available[policy % available.length]!.choice.id;
      } else {
        const answer = await ask(
          rl!,
          views.map((v) => v.choice.id),
          say,
        );
        if (answer === null) {
          // Ctrl+D or the input closing: stop where the run is, without an error.
          out.err(
            `Stopped at "${state.at}" in week ${state.week}; replay this run with --seed ${seed} --choose ${state.choices.join(",") || "<choices>"}`,
          );
          return 0;
        }
        pick = answer;
      }
      const result = choose(scenario, state, pick);
      if (!result.ok) {
        out.err(`choice ${step + 1} ("${pick}"): ${result.reason}`);
        if (scripted || auto) return json ? finishJson(out, scenario, state, 1) : 1;
        continue;
      }
      state = result.state;
      step++;
      say(`> ${pick}`);
      if (state.lastStep?.outcomeText) say(state.lastStep.outcomeText);
      for (const ev of state.lastStep?.events ?? []) {
        const def = scenario.events.find((e) => e.id === ev)!;
        say(`! ${def.title}: ${def.text}`);
      }
      for (const line of state.lastStep ? stepLines(scenario, state.lastStep) : []) say(line);
    }
  } finally {
    rl?.close();
  }
  if (json) return finishJson(out, scenario, state, 0);
  say("");
  if (state.status === "stuck") say(`Stuck at "${state.at}" in week ${state.week}: no choice is available.`);
  else {
    const ending = lookup(scenario.endings, state.ending!)!;
    say(`== Ending: ${ending.title} (rating ${ending.rating}/3) after ${state.week} weeks ==`);
    if (ending.text) say(ending.text);
  }
  say(metricsLine(scenario, state));
  return 0;
}

async function ask(
  rl: ReturnType<typeof createInterface>,
  ids: string[],
  say: (l: string) => void,
): Promise<string | null> {
  for (;;) {
    let answer: string;
    try {
      answer = (await rl.question("Your choice (number or id): ")).trim();
    } catch {
      return null; // the input ended (Ctrl+D)
    }
    const n = Number(answer);
    if (Number.isInteger(n) && n >= 1 && n <= ids.length) return ids[n - 1]!;
    if (ids.includes(answer)) return answer;
    say(`Type a number from 1 to ${ids.length}, or a choice id.`);
  }
}

function finishJson(out: Output, scenario: Scenario, state: RunState, code: number): number {
  out.out(
    JSON.stringify({
      scenario: { id: scenario.id, version: scenario.version },
      seed: state.seed,
      status: state.status,
      ending: state.ending,
      weeks: state.week,
      choices: state.choices,
      metrics: state.metrics,
      history: state.history,
    }),
  );
  return code;
}
