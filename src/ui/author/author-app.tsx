import { useEffect, useMemo, useState } from "preact/hooks";
import { LibraryRepository } from "../../app/authoring/library-repository";
import { EditorScreen } from "./editor-screen";
import { LibraryList } from "./library-list";

/** `#/author` is the library; `#/author/<library-id>` opens one scenario in the editor. */
export function parseAuthorRoute(hash: string): { kind: "library" } | { kind: "edit"; id: string } {
  const match = /^#\/author\/([^/?]+)/.exec(hash);
  if (!match) return { kind: "library" };
  try {
    return { kind: "edit", id: decodeURIComponent(match[1]!) };
  } catch {
    return { kind: "library" };
  }
}

export function AuthorApp() {
  const library = useMemo(() => new LibraryRepository(), []);
  const [route, setRoute] = useState(() => parseAuthorRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseAuthorRoute(location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  useEffect(() => {
    document.title =
      route.kind === "library" ? "Your scenarios · Change Is Hard" : "Scenario editor · Change Is Hard";
  }, [route]);
  return route.kind === "library" ? (
    <LibraryList library={library} />
  ) : (
    <EditorScreen key={route.id} library={library} id={route.id} />
  );
}
