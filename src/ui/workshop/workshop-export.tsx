import { useState } from "preact/hooks";
import type { TeamRuns, WorkshopSession } from "../../app/workshop/session-model";
import { workshopFileName, workshopToCsv, workshopToJson } from "../../app/workshop/workshop-export";
import type { Scenario } from "../../engine/index";

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
            download(name, "application/json", workshopToJson(scenario, session, runs, new Date()));
            setDone(`Saved ${name}.`);
          }}
        >
          Export session as JSON
        </button>
        <button
          type="button"
          onClick={() => {
            const name = workshopFileName(session, "csv");
            download(name, "text/csv", workshopToCsv(scenario, session, runs));
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
