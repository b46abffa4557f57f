import type { Scenario } from "../engine/index";

/** The scenario's glossary, folded away until asked for. */
export function Glossary({ scenario }: { scenario: Scenario }) {
  const entries = Object.entries(scenario.glossary);
  if (entries.length === 0) return null;
  return (
    <details class="glossary">
      <summary>Glossary</summary>
      <dl>
        {entries.map(([term, meaning]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
