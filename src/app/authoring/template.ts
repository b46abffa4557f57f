/**
 * The scenario a new library entry starts from: small, valid with no warnings, and using the main parts of
 * the format (metrics, a flag, a flow, a modifier, a chance outcome, a requirement, two endings).
 */
export function newScenarioTemplate(id: string, title: string): string {
  return `# yaml-language-server: $schema=./scenario.schema.json
format: 1
id: ${id}
version: 1
title: ${JSON.stringify(title)}
summary: A team asks for help; you decide how to start. Replace this with your own story.
minutes: 10
objectives:
  - Say what players should learn here
metrics:
  trust: { label: Trust, start: 40, min: 0, max: 100, description: How much people believe in the change }
  money: { label: Budget, start: 100, min: 0, unit: k£ }
  velocity: { label: Velocity, start: 1, min: 0, max: 20, unit: deploys/month, decimals: 1 }
flags:
  sponsor: { label: A senior sponsor backs the change }
flows:
  money: -5
  trust: (velocity - 2) * 0.5
modifiers:
  coaching:
    label: Coaching in the team
    flows: { velocity: 0.3 }
    weeks: 4
start: first-meeting
nodes:
  first-meeting:
    title: The first meeting
    text: The team lead explains that releases take months and nobody knows why.
    choices:
      - id: find-sponsor
        label: Find a senior sponsor first
        weeks: 2
        effects: { trust: 5, set: { sponsor: true } }
        goto: the-plan
      - id: start-coaching
        label: Start coaching the team straight away
        weeks: 1
        effects: { money: -10, add: [coaching] }
        goto: the-plan
  the-plan:
    title: The plan
    text: After a few weeks, people ask what the plan is.
    choices:
      - id: pilot
        label: Run a pilot with one team
        weeks: 4
        effects: { money: -20 }
        outcomes:
          - { chance: 0.7, goto: the-review, text: The pilot shipped twice. }
          - { goto: stalled, text: The pilot was cancelled. }
      - id: big-bang
        label: Change every team at once
        requires: flags.sponsor
        requires_text: Nobody senior backs a change this size.
        weeks: 6
        effects: { money: -40, velocity: 1 }
        goto: the-review
  the-review:
    title: The review
    text: The steering group looks at what changed.
    choices:
      - id: show-numbers
        label: Show the delivery numbers
        weeks: 1
        goto: it-worked
      - id: ask-for-more
        label: Ask for more time and money
        weeks: 1
        requires: trust >= 40
        effects: { money: 30 }
        goto: it-worked
endings:
  stalled: { title: The change stalled, text: People went back to the old way of working., rating: 1 }
  it-worked: { title: Releases every week, text: The team now ships in small steps., rating: 3, real: true }
`;
}
