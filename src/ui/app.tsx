import { useEffect } from "preact/hooks";
import { NotFoundScreen } from "./not-found-screen";
import { PlayScreen } from "./play-screen";
import { useAppState } from "./session-context";
import { TitleScreen } from "./title-screen";

/** The screen the store says, the live region and the settings applied to the page. */
export function App() {
  const state = useAppState();
  const { settings } = state;

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.textSize = settings.textSize;
    root.classList.toggle("reduced-motion", settings.reducedMotion);
  }, [settings.textSize, settings.reducedMotion]);

  let screen = null;
  switch (state.screen.kind) {
    case "loading":
      screen = (
        <main class="screen">
          <h1>Change Is Hard</h1>
          <p>Loading…</p>
        </main>
      );
      break;
    case "title":
      screen = <TitleScreen state={state} />;
      break;
    case "play":
      screen = state.run ? <PlayScreen run={state.run} state={state} /> : null;
      break;
    case "not-found":
      screen = <NotFoundScreen message={state.screen.message} />;
      break;
  }
  return (
    <>
      {state.notice && (
        <p class="notice" role="alert">
          {state.notice}
        </p>
      )}
      {screen}
      <div class="visually-hidden" role="status" aria-atomic="true">
        {state.announcement}
      </div>
    </>
  );
}
