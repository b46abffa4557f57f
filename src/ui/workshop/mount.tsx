import { render } from "preact";
import { ErrorBoundary } from "../error-boundary";
import { WorkshopApp } from "./workshop-app";
import "../../styles/workshop.css";

/** Mounts the workshop screens (list and set-up, console, projector) into the page. */
export function mount(root: HTMLElement): void {
  render(
    <ErrorBoundary>
      <WorkshopApp />
    </ErrorBoundary>,
    root,
  );
}
