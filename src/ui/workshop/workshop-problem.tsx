import type { Loaded } from "./use-workshop";

/** Loading, a workshop that is not there, or one whose scenario no longer replays: said plainly, with a way back. */
export function WorkshopProblem({
  loaded,
  view,
}: {
  loaded: Exclude<Loaded, { status: "ready" }>;
  view: string;
}) {
  if (loaded.status === "loading") {
    return (
      <main class="screen">
        <h1>Workshop</h1>
        <p>Loading…</p>
      </main>
    );
  }
  return (
    <main class="screen">
      <h1>Workshop not available</h1>
      <p role="alert">
        {loaded.status === "missing"
          ? `There is no workshop here for this ${view}: it may have been deleted.`
          : `“${loaded.session.name}” cannot be opened: ${loaded.reason}. It is kept as it is.`}
      </p>
      <p>
        <a href="#/workshop">All workshops</a>
      </p>
    </main>
  );
}
