import type { TeamRuns, WorkshopSession } from "../../app/workshop/session-model";
import type { Scenario } from "../../engine/index";
import { ComparisonCharts } from "./comparison-charts";
import { DecisionMap } from "./decision-map";
import { RoundReport } from "./round-report";

/** What the room compares while it plays: the last round, each metric per team, and who chose what. */
export function LiveComparison(props: { scenario: Scenario; session: WorkshopSession; runs: TeamRuns }) {
  return (
    <>
      <RoundReport {...props} />
      <ComparisonCharts {...props} />
      <DecisionMap {...props} showReal={props.session.reveal === "each" ? "so-far" : "none"} />
    </>
  );
}
