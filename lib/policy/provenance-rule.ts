import type { ToolPolicyOutcome } from './tool-policy';

/** What the rule needs to know about where a call's input came from (see `provenance.ts`). */
export interface ProvenanceSummary {
  /** Some of the input was found verbatim in an earlier result of a *different* connector. */
  crossesConnectors: boolean;
}

/**
 * A remembered allow is trust in a tool, not in whatever text ends up in its input: when the
 * input carries another connector's output (a page, a mail), the call asks again, with the source
 * on the card, unless the user turned this off. Every other outcome is left as it is.
 */
export function askDespiteRememberedAllow(outcome: ToolPolicyOutcome, provenance: ProvenanceSummary, enabled: boolean): ToolPolicyOutcome {
  if (!enabled || outcome.action !== 'run' || outcome.why !== 'remembered-allow' || !provenance.crossesConnectors) return outcome;
  return { action: 'ask', why: 'cross-connector-input', risk: outcome.risk, claims: outcome.claims };
}
