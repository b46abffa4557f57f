import { render } from "preact";
import { ErrorBoundary } from "../error-boundary";
import { AuthorApp } from "./author-app";
import "./author.css";

/** The Author screens (#/author...), loaded lazily by src/main.tsx. */
export function mount(root: HTMLElement): void {
  render(
    <ErrorBoundary>
      <AuthorApp />
    </ErrorBoundary>,
    root,
  );
}
