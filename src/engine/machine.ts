import { type ActorRefFrom, assign, createActor, type SnapshotFrom, setup } from "xstate";
import type { Scenario } from "./model";
import type { RunState } from "./run-state";
import { canChoose, choose, startRun } from "./simulation";

/** Events a run's actor accepts. */
export type RunEvent = { type: "player.choose"; choiceId: string };

/** Input of a run: the seed of its random generator. */
export interface RunInput {
  seed: number;
}

/** State keys that are not node or ending ids (ids cannot start with `~`). */
const ROUTE = "~route";
const STUCK = "~stuck";

/**
 * Compiles a scenario to an XState v5 machine: one state per node (tagged "decision"), one final state per
 * ending, a final `~stuck` state, and a transient router that moves to wherever the step function put the run.
 * The context is the RunState; the only rule code is the shared step function in simulation.ts.
 */
export function createRunMachine(scenario: Scenario) {
  const nodeIds = Object.keys(scenario.nodes);
  const endingIds = Object.keys(scenario.endings);
  const states: Record<string, object> = {};
  for (const id of nodeIds) {
    states[id] = {
      tags: ["decision"],
      on: { "player.choose": { guard: "choice is available", actions: "apply choice", target: ROUTE } },
    };
  }
  for (const id of endingIds) states[id] = { type: "final", tags: ["ending"] };
  states[STUCK] = { type: "final", tags: ["stuck"] };
  states[ROUTE] = {
    always: [
      { guard: "run is stuck", target: STUCK },
      ...endingIds.map((id) => ({ guard: { type: "run ended at", params: { id } }, target: id })),
      ...nodeIds.map((id) => ({ guard: { type: "run is at", params: { id } }, target: id })),
    ],
  };

  return setup({
    types: {
      context: {} as RunState,
      events: {} as RunEvent,
      input: {} as RunInput,
    },
    guards: {
      "choice is available": ({ context, event }) => canChoose(scenario, context, event.choiceId),
      "run is stuck": ({ context }) => context.status === "stuck",
      "run ended at": ({ context }, params: { id: string }) =>
        context.status === "ended" && context.ending === params.id,
      "run is at": ({ context }, params: { id: string }) =>
        context.status === "deciding" && context.at === params.id,
    },
    actions: {
      "apply choice": assign(({ context, event }) => {
        const result = choose(scenario, context, event.choiceId);
        return result.ok ? result.state : context;
      }),
    },
  }).createMachine({
    id: scenario.id,
    context: ({ input }) => startRun(scenario, input.seed),
    initial: ROUTE,
    states: states as never,
  });
}

/** The machine type of a compiled scenario. */
export type RunMachine = ReturnType<typeof createRunMachine>;
/** A running scenario actor. */
export type RunActor = ActorRefFrom<RunMachine>;
/** A snapshot of a running scenario actor. */
export type RunSnapshot = SnapshotFrom<RunMachine>;

/** Starts an actor for a new run. */
export function startRunActor(machine: RunMachine, seed: number): RunActor {
  return createActor(machine, { input: { seed } }).start();
}

/**
 * Starts an actor at a run state rebuilt elsewhere (by `replay`, for resume and rewind): the machine's state is
 * resolved from where the run is, so the actor continues exactly as if it had made those choices itself.
 */
export function startRunActorAt(machine: RunMachine, state: RunState): RunActor {
  const value = state.status === "stuck" ? STUCK : state.status === "ended" ? state.ending! : state.at;
  const snapshot = machine.resolveState({ value, context: state });
  return createActor(machine, { snapshot, input: { seed: state.seed } }).start();
}

/** Restores an actor from `actor.getPersistedSnapshot()`. */
export function restoreRunActor(machine: RunMachine, persisted: unknown): RunActor {
  return createActor(machine, { snapshot: persisted as never, input: { seed: 0 } }).start();
}
