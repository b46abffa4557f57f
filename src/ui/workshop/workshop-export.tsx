import { useState } from "preact/hooks";
import type { TeamRuns, WorkshopSession } from "../../app/workshop/session-model";
import { workshopFileName, workshopToCsv, workshopToJson } from "../../app/workshop/workshop-export";
import type { Scenario } from "../../engine/index";
import { downloadText } from "../download";

/** Export the session: JSON (every team's reproducible triple), CSV (every team's weeks), a printable page. */
export function WorkshopExport({
  scenario,
  session,
  runs,
}: {
  scenario: Scenario;
  session: WorkshopSession;
  runs: TeamRuns;
}) {
  const [done, setDone] = useState("");
  return (
    <section class="workshop-export no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div class="button-row">
        <button
          type="button"
          onClick={() => {
            const name = workshopFileName(session, "json");
            downloadText(name, workshopToJson(scenario, session, runs, new Date()), "application/json");
            setDone(`Saved ${name}.`);
          }}
        >
          Export session as JSON
        </button>
        <button
          type="button"
          onClick={() => {
            const name = workshopFileName(session, "csv");
            downloadText(name, workshopToCsv(scenario, session, runs), "text/csv");
            setDone(`Saved ${name}.`);
          }}
        >
          Export weeks as CSV
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p role="status">{done}</p>
    </section>
  );
}
