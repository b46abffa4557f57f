// Engine figures: loading, choices through the XState actor, and analyzer throughput, on one core.
// Each scenario is measured in a process of its own, as `npm run scenario -- analyze <file>` runs: in one
// process the second scenario would pay for the JIT having specialised on the first one's metric names.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import {
  analyzeScenario,
  choicesAt,
  createRunMachine,
  loadScenario,
  playRandomRun,
  type Scenario,
  startRunActor,
} from "../src/engine/index";

function timeIt(fn: () => number, minMs = 1500): { perSecond: number; count: number; ms: number } {
  fn(); // warm up
  let count = 0;
  const start = performance.now();
  let ms = 0;
  while (ms < minMs) {
    count += fn();
    ms = performance.now() - start;
  }
  return { perSecond: (count / ms) * 1000, count, ms };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

export default function engineBench(): void {
  const files = readdirSync("scenarios").filter((f) => f.endsWith(".yaml"));
  const loaded: { file: string; text: string; scenario: Scenario }[] = [];
  for (const file of files) {
    const text = readFileSync(`scenarios/${file}`, "utf8");
    const r = loadScenario(file, text);
    if (r.ok) loaded.push({ file, text, scenario: r.scenario });
  }
  const size = (s: Scenario) => Object.keys(s.nodes).length + s.events.length;
  const largest = [...loaded].sort((a, b) => size(b.scenario) - size(a.scenario))[0]!;
  const sample = loaded.find((l) => l.file.startsWith("sample"))!;
  console.log(
    `scenarios: ${loaded.length}; largest: ${largest.file} (${Object.keys(largest.scenario.nodes).length} nodes, ${largest.scenario.events.length} events)`,
  );

  const load = timeIt(() => {
    loadScenario(largest.file, largest.text);
    return 1;
  });
  console.log(`load + validate ${largest.file}: ${(load.ms / load.count).toFixed(2)} ms per file`);

  for (const { file } of [sample, largest]) {
    const child = spawnSync("npx", ["tsx", "bench/engine.bench.ts", "--one", file], { encoding: "utf8" });
    process.stdout.write(child.stdout);
    if (child.status !== 0) process.stderr.write(child.stderr);
  }
}

/** The figures of one scenario, in this process. */
function measureOne(file: string, scenario: Scenario): void {
  {
    const machine = createRunMachine(scenario);
    let seed = 0;
    const actor = timeIt(() => {
      const a = startRunActor(machine, seed++);
      let choices = 0;
      while (a.getSnapshot().status === "active") {
        const ctx = a.getSnapshot().context;
        const options = choicesAt(scenario, ctx).filter((v) => v.available);
        a.send({ type: "player.choose", choiceId: options[(seed + choices) % options.length]!.choice.id });
        choices++;
        if (choices > 500) break;
      }
      a.stop();
      return choices;
    });
    console.log(`${file}: ${fmt(actor.perSecond)} choices/s through the XState actor (with history)`);

    let s2 = 0;
    const random = timeIt(() => {
      playRandomRun(scenario, s2, s2 * 7 + 1);
      s2++;
      return 1;
    });
    console.log(`${file}: ${fmt(random.perSecond)} random playthroughs/s (step function, no history)`);

    const runs = 10_000;
    const t = performance.now();
    const cpu = process.cpuUsage();
    analyzeScenario(scenario, { runs, seed: 1, exhaustivePaths: 0 });
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - t;
    const cpuMs = (used.user + used.system) / 1000;
    console.log(
      `${file}: analyze --runs ${runs} (Monte Carlo only) in ${fmt(ms)} ms = ${fmt((runs / ms) * 1000)} runs/s ` +
        `(${fmt((runs / cpuMs) * 1000)} per CPU-second, one core)`,
    );
    const t2 = performance.now();
    const full = analyzeScenario(scenario, { runs: 2000, seed: 1 });
    console.log(
      `${file}: analyze default (2000 runs + exhaustive ${full.exhaustive?.paths} paths, ${full.exhaustive?.complete ? "complete" : "budget reached"}) in ${fmt(performance.now() - t2)} ms`,
    );
  }
}

const oneAt = process.argv.indexOf("--one");
if (oneAt >= 0) {
  const file = process.argv[oneAt + 1]!;
  const loaded = loadScenario(file, readFileSync(`scenarios/${file}`, "utf8"));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  measureOne(file, loaded.scenario);
}
