import { useEffect, useRef } from "preact/hooks";

/** An address that leads nowhere: says so, and offers the way back. */
export function NotFoundScreen({ message }: { message: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [message]);
  return (
    <main class="screen">
      <h1 ref={heading} tabIndex={-1}>
        Not found
      </h1>
      <p>{message}</p>
      <p>
        <a href="#/">Back to the scenarios</a>
      </p>
    </main>
  );
}
