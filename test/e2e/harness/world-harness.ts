// A page that mounts the world on the sample scenario with a fake WorldSource, for the end-to-end test, the
// frame-time benchmark and the screenshot. Query: seed, choices (comma-separated ids to pick in turn; the first
// available choice otherwise), reduced=1 (reduced motion), world=none (no world block), wall=N (adds a silo wall
// around the DevOps team while trust is below N), width=N (the world's width in CSS pixels; default 1280).
import sample from "../../../scenarios/sample-firewall-request.yaml?raw";
import { choicesAt, choose, loadScenario, type RunState, startRun } from "../../../src/engine/index";
import { startWorld } from "../../../src/game/world";
import type { WorldHandle } from "../../../src/game/world-source";

const params = new URLSearchParams(location.search);
const below = Number(params.get("wall"));
const wall = `  walls:\n    - { around: [devops], when: "trust < ${below}", label: Silo }\n`;
const text = below > 0 ? `${sample.trimEnd()}\n${wall}` : sample;
const loaded = loadScenario("sample-firewall-request.yaml", text);
if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("; "));
const scenario = params.get("world") === "none" ? { ...loaded.scenario, world: null } : loaded.scenario;
const width = Number(params.get("width"));
if (width > 0) document.getElementById("world")!.style.width = `${width}px`;
const planned = (params.get("choices") ?? "").split(",").filter(Boolean);
let run: RunState = startRun(scenario, Number(params.get("seed") ?? 1));
const listeners = new Set<() => void>();
const status = document.getElementById("status")!;

function makeChoice(): void {
  const available = choicesAt(scenario, run).filter((v) => v.available);
  const wanted = planned.shift();
  const pick = available.find((v) => v.choice.id === wanted) ?? available[0];
  if (!pick) return;
  const result = choose(scenario, run, pick.choice.id);
  if (!result.ok) throw new Error(result.reason);
  run = result.state;
  status.textContent = `Chose ${pick.choice.id}; now at ${run.ending ?? run.at}, week ${run.week}`;
  for (const l of listeners) l();
}

const handle: WorldHandle = await startWorld(document.getElementById("world")!, {
  scenario: () => scenario,
  run: () => run,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  reducedMotion: () => params.get("reduced") === "1",
});
document.getElementById("choose")!.addEventListener("click", makeChoice);
document.getElementById("destroy")!.addEventListener("click", () => {
  handle.destroy();
  status.textContent = `World removed; ${listeners.size} listeners left`;
});
document.body.dataset.ready = "true";
