/** The places a page address can open. */
export type Route =
  | { kind: "title" }
  | { kind: "play"; scenarioId: string; runId: string | null; seed?: number };

/**
 * Reads a location hash: `#/`, `#/play/<scenario-id>` (a new run), `#/play/<scenario-id>?seed=<n>` (a new run
 * with that seed, so a room can play the same luck) or `#/play/<scenario-id>/<run-id>` (a saved run).
 */
export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?", 2);
  const seedText = new URLSearchParams(query).get("seed");
  const seed = seedText !== null && /^-?\d{1,10}$/.test(seedText) ? Number(seedText) : undefined;
  const parts = path
    .split("/")
    .filter((p) => p !== "")
    .map(safeDecode);
  if (parts[0] === "play" && parts[1]) {
    const runId = parts[2] ?? null;
    return runId === null && seed !== undefined
      ? { kind: "play", scenarioId: parts[1], runId, seed }
      : { kind: "play", scenarioId: parts[1], runId };
  }
  return { kind: "title" };
}

/** The hash for a route. */
export function formatRoute(route: Route): string {
  if (route.kind === "title") return "#/";
  const base = `#/play/${encodeURIComponent(route.scenarioId)}`;
  if (route.runId) return `${base}/${encodeURIComponent(route.runId)}`;
  return route.seed === undefined ? base : `${base}?seed=${route.seed}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
