/** The workshop's addresses: the list and set-up, a workshop's console, its projector view. */
export type WorkshopRoute =
  | { kind: "list" }
  | { kind: "console"; id: string }
  | { kind: "projector"; id: string }
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
  } catch {
    return { kind: "unknown" };
  }
  if (parts.length === 3 && parts[2] === "console") return { kind: "console", id };
  if (parts.length === 3 && parts[2] === "projector") return { kind: "projector", id };
  return { kind: "unknown" };
}

export const consoleHash = (id: string) => `#/workshop/${encodeURIComponent(id)}/console`;
export const projectorHash = (id: string) => `#/workshop/${encodeURIComponent(id)}/projector`;
