import { render } from "preact";
import { loadBundledScenarios } from "./app/bundled-scenarios";
import { registerOffline } from "./app/offline";
import { LocalforageProfileRepository } from "./app/profile-repository";
import { formatRoute, parseRoute } from "./app/route";
import { LocalforageSaveRepository } from "./app/save-repository";
import { playableScenarios } from "./app/scenario-library";
import { GameSession } from "./app/session";
import { App } from "./ui/app";
import { ErrorBoundary } from "./ui/error-boundary";
import { SessionContext } from "./ui/session-context";
import "./styles/app.css";
import "./styles/print.css";

/** The product's other screens: each loads lazily (its code stays out of the game's first screen) by address. */
const otherApps: { prefix: string; load: () => Promise<{ mount(root: HTMLElement): void }> }[] = [
  // Each entry: { prefix: "#/<name>", load: () => import("./ui/<name>/mount") }.
  { prefix: "#/author", load: () => import("./ui/author/mount") },
  { prefix: "#/workshop", load: () => import("./ui/workshop/mount") },
];

function appFor(hash: string) {
  return otherApps.find((a) => hash === a.prefix || hash.startsWith(`${a.prefix}/`)) ?? null;
}

const root = document.getElementById("app")!;
const other = appFor(location.hash);
if (other) {
  other
    .load()
    .then((m) => m.mount(root))
    .catch((e: unknown) => {
      const p = document.createElement("p");
      p.setAttribute("role", "alert");
      p.textContent = `This screen could not be loaded: ${(e as Error)?.message ?? String(e)}. Reload the page to try again.`;
      root.replaceChildren(p);
    });
} else startGame();

// After one visit, the whole app (every lazily loaded screen too) works with no network.
registerOffline();

// Moving between the game and another app is a new page: each owns the whole document.
window.addEventListener("hashchange", (e) => {
  if (appFor(new URL(e.oldURL).hash) !== appFor(location.hash)) location.reload();
});

function startGame(): void {
  const bundled = loadBundledScenarios();
  const session = new GameSession({
    library: bundled,
    // The ones authors published from the editor (#/author), read while the session starts.
    fullLibrary: () => playableScenarios(bundled),
    saves: new LocalforageSaveRepository(),
    profile: new LocalforageProfileRepository(),
    prefersReducedMotion: window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false,
  });

  render(
    <ErrorBoundary>
      <SessionContext.Provider value={session}>
        <App />
      </SessionContext.Provider>
    </ErrorBoundary>,
    root,
  );

  function report(e: unknown): void {
    session.store.setState({ notice: `Something went wrong: ${(e as Error)?.message ?? String(e)}` });
  }

  // Keep the address in step with the screen: a new run gains its id, so a reload resumes it.
  session.store.subscribe((state) => {
    let hash: string | null = null;
    if (state.screen.kind === "title") hash = formatRoute({ kind: "title" });
    else if (state.screen.kind === "play" && state.run) {
      hash = formatRoute({ kind: "play", scenarioId: state.run.scenario.id, runId: state.run.runId });
    }
    if (hash === null || hash === location.hash || (hash === "#/" && location.hash === "")) return;
    const from = parseRoute(location.hash);
    const to = parseRoute(hash);
    const sameRun = from.kind === "play" && to.kind === "play" && from.scenarioId === to.scenarioId;
    if (sameRun && from.runId === null) history.replaceState(null, "", hash);
    else history.pushState(null, "", hash);
  });

  window.addEventListener("hashchange", () => {
    if (appFor(location.hash) === null) session.open(parseRoute(location.hash)).catch(report);
  });
  window.addEventListener("unhandledrejection", (e) => report(e.reason));

  session
    .init()
    .catch(report)
    .then(() => session.open(parseRoute(location.hash)))
    .catch(report);
}
