import type { Scenario } from "../engine/index";

/** The endings discovered so far in this scenario; the others are not named, to keep them to find. */
export function EndingsFound({ scenario, found }: { scenario: Scenario; found: string[] }) {
  const endings = Object.values(scenario.endings);
  const count = endings.filter((e) => found.includes(e.id)).length;
  return (
    <section class="endings-found" aria-labelledby="endings-heading">
      <h2 id="endings-heading">Endings discovered</h2>
      <p>
        You have found {count} of {endings.length} endings.
      </p>
      <ul>
        {endings.map((e) => (
          <li key={e.id}>{found.includes(e.id) ? e.title : "Not found yet"}</li>
        ))}
      </ul>
    </section>
  );
}
