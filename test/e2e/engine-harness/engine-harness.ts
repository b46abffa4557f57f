// Runs the engine inside Chromium so a test can compare its results with the same calls made in node.
import { analyzeScenario, loadScenario, playRandomRun, replay } from "../../../src/engine/index";

const files = import.meta.glob("/scenarios/*.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

function scenario(file: string) {
  const result = loadScenario(file, files[`/${file}`] ?? "");
  if (!result.ok) throw new Error(`${file} does not load`);
  return result.scenario;
}

const api = {
  files: () => Object.keys(files).map((f) => f.slice(1)),
  replay: (file: string, seed: number, choices: string[]) => replay(scenario(file), seed, choices).state,
  randomRun: (file: string, seed: number) => playRandomRun(scenario(file), seed, seed * 31 + 7),
  analyze: (file: string, runs: number) =>
    analyzeScenario(scenario(file), { runs, seed: 5, exhaustivePaths: 500 }),
};
(window as unknown as { engine: typeof api }).engine = api;
document.getElementById("status")!.textContent = "ready";
