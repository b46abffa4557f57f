import { Component, type ComponentChildren } from "preact";

interface Props {
  children: ComponentChildren;
}

interface State {
  error: Error | null;
}

/** Shows a clear message instead of a blank page or a stack trace when a view fails. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static override getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main class="screen error-screen">
        <h1>Something went wrong</h1>
        <p role="alert">
          The game met a problem it did not expect and stopped this screen. Your saved runs are safe.
        </p>
        <p class="detail">What happened: {error.message}</p>
        <button
          type="button"
          onClick={() => {
            location.hash = "#/";
            location.reload();
          }}
        >
          Back to the scenarios
        </button>
      </main>
    );
  }
}
