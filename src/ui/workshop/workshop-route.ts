/** The workshop's addresses: the list and set-up, a workshop's console, its projector view. */
export type WorkshopRoute =
  | { kind: "list" }
  | { kind: "console"; id: string }
  | { kind: "projector"; id: string }
  | { kind: "team"; id: string; teamId: string }
  | { kind: "unknown" };

export function parseWorkshopRoute(hash: string): WorkshopRoute {
  const parts = hash
    .replace(/^#\/?/, "")
    .split("?")[0]!
    .split("/")
    .filter((p) => p !== "");
  if (parts[0] !== "workshop") return { kind: "unknown" };
  if (parts.length === 1) return { kind: "list" };
  let id: string;
  try {
    id = decodeURIComponent(parts[1]!);
    if (parts[3] !== undefined) decodeURIComponent(parts[3]);
  } catch {
    return { kind: "unknown" };
  }
  if (parts.length === 3 && parts[2] === "console") return { kind: "console", id };
  if (parts.length === 3 && parts[2] === "projector") return { kind: "projector", id };
  if (parts.length === 4 && parts[2] === "team")
    return { kind: "team", id, teamId: decodeURIComponent(parts[3]!) };
  return { kind: "unknown" };
}

export const consoleHash = (id: string) => `#/workshop/${encodeURIComponent(id)}/console`;
export const projectorHash = (id: string) => `#/workshop/${encodeURIComponent(id)}/projector`;
export const teamHash = (id: string, teamId: string) =>
  `#/workshop/${encodeURIComponent(id)}/team/${encodeURIComponent(teamId)}`;
