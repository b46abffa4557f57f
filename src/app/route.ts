/** The places a page address can open. */
export type Route = { kind: "title" } | { kind: "play"; scenarioId: string; runId: string | null };

/** Reads a location hash: `#/`, `#/play/<scenario-id>` (a new run) or `#/play/<scenario-id>/<run-id>`. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, "")
    .split("/")
    .filter((p) => p !== "")
    .map(safeDecode);
  if (parts[0] === "play" && parts[1]) return { kind: "play", scenarioId: parts[1], runId: parts[2] ?? null };
  return { kind: "title" };
}

/** The hash for a route. */
export function formatRoute(route: Route): string {
  if (route.kind === "title") return "#/";
  const base = `#/play/${encodeURIComponent(route.scenarioId)}`;
  return route.runId ? `${base}/${encodeURIComponent(route.runId)}` : base;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
