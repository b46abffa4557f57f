import { loadBundledScenarios } from "./app/bundled-scenarios";
import { formatDiagnostic } from "./engine/index";

// Placeholder first screen until the game lands: the scenarios found, built with DOM calls (never innerHTML).
const root = document.getElementById("app")!;
const h1 = document.createElement("h1");
h1.textContent = "Change Is Hard";
const list = document.createElement("ul");
list.setAttribute("aria-label", "Scenarios");
for (const s of loadBundledScenarios()) {
  const li = document.createElement("li");
  if (s.ok) {
    const title = document.createElement("h2");
    title.textContent = s.scenario.title;
    const summary = document.createElement("p");
    summary.textContent = `${s.scenario.summary} (${s.scenario.minutes} minutes)`;
    li.append(title, summary);
  } else {
    li.textContent = `${s.file} cannot be loaded: ${s.diagnostics.map(formatDiagnostic).join("; ")}`;
  }
  list.append(li);
}
const main = document.createElement("main");
main.append(h1, list);
root.append(main);
