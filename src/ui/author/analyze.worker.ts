// Runs the engine's balance analysis off the main thread, so the editor keeps responding.
import { analyzeScenario } from "../../engine/analyze";
import { loadScenario } from "../../engine/load";

self.onmessage = (e: MessageEvent<{ yaml: string; runs: number; seed: number }>) => {
  const { yaml, runs, seed } = e.data;
  const loaded = loadScenario("scenario.yaml", yaml);
  if (!loaded.ok) {
    self.postMessage({ ok: false, reason: "the scenario has errors; fix them first" });
    return;
  }
  try {
    self.postMessage({ ok: true, report: analyzeScenario(loaded.scenario, { runs, seed }) });
  } catch (err) {
    self.postMessage({ ok: false, reason: (err as Error)?.message ?? String(err) });
  }
};
