import { useEffect, useRef, useState } from "preact/hooks";
import type { BundledScenario } from "../../app/bundled-scenarios";
import type { WorkshopListing } from "../../app/workshop/workshop-repository";
import { workshopScenarios } from "../../app/workshop/workshop-scenarios";
import { ConsoleScreen } from "./console-screen";
import { ProjectorScreen } from "./projector-screen";
import { SessionList } from "./session-list";
import { SetupForm } from "./setup-form";
import { TeamScreen } from "./team-screen";
import { repository } from "./use-workshop";
import { parseWorkshopRoute } from "./workshop-route";

/** The workshop's screens by address. */
export function WorkshopApp() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const route = parseWorkshopRoute(hash);
  useEffect(() => {
    document.title =
      route.kind === "console"
        ? "Workshop console · Change Is Hard"
        : route.kind === "projector"
          ? "Workshop projector · Change Is Hard"
          : route.kind === "team"
            ? "Team screen · Change Is Hard"
            : "Workshops · Change Is Hard";
    document.documentElement.dataset.view = route.kind === "projector" ? "projector" : "workshop";
  }, [route.kind]);
  if (route.kind === "console") return <ConsoleScreen key={route.id} id={route.id} />;
  if (route.kind === "projector") return <ProjectorScreen key={route.id} id={route.id} />;
  if (route.kind === "team")
    return <TeamScreen key={`${route.id}/${route.teamId}`} id={route.id} teamId={route.teamId} />;
  if (route.kind === "list") return <WorkshopHome />;
  return (
    <main class="screen">
      <h1>Not found</h1>
      <p>This workshop address leads nowhere.</p>
      <p>
        <a href="#/workshop">All workshops</a>
      </p>
    </main>
  );
}

function WorkshopHome() {
  const [listing, setListing] = useState<WorkshopListing | null>(null);
  const [scenarios, setScenarios] = useState<BundledScenario[] | null>(null);
  const [error, setError] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const refresh = () =>
    repository
      .list()
      .then(setListing)
      .catch((e: unknown) => setError(`Your workshops could not be read: ${(e as Error)?.message ?? e}`));
  useEffect(() => {
    heading.current?.focus();
    void refresh();
    void workshopScenarios().then(setScenarios);
  }, []);
  return (
    <main class="screen workshop-home">
      <p class="muted">
        <a href="#/">Back to the game</a>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        Workshops
      </h1>
      <p>
        Run a scenario with a room of 2 to 12 teams: a private console for you, a projector view for the room,
        a timer per decision and a debrief that compares the teams. Everything stays in this browser and works
        offline.
      </p>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {listing && <SessionList listing={listing} onChange={refresh} />}
      {scenarios ? <SetupForm scenarios={scenarios} /> : <p>Loading…</p>}
    </main>
  );
}
