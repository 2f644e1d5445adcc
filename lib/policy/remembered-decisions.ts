import type { RememberedDecision } from './tool-policy';

/**
 * A stored "Remember for this conversation" decision, with what scopes it. `panelSessionId` is the
 * id of the side-panel page load it was made in: the seed asks again after a reload, so by default
 * a decision lives only as long as that panel session.
 */
export interface StoredDecision extends RememberedDecision {
  conversationId: string;
  connectorId: string;
  toolName: string;
  /** The panel page load (a fresh id per load) in which the user ticked "Remember"; none: no load known. */
  panelSessionId?: string | undefined;
  /** Milliseconds since the epoch; the newest applicable decision wins (a later deny beats an earlier allow). */
  decidedAt: number;
}

/** The call being decided, and the user's setting for how long remembered decisions live. */
export interface DecisionScope {
  conversationId: string;
  connectorId: string;
  toolName: string;
  /** The panel session the call happens in now; none for a run resumed at worker wake. */
  panelSessionId?: string | undefined;
  /** The setting "Keep remembered decisions after the panel reloads" (off by default, as in the seed). */
  keepAcrossReloads: boolean;
}

/**
 * Why a stored decision does or does not apply. Closed, so a settings or audit view can say
 * "asked again because the panel reloaded" rather than just asking. A changed fingerprint is not
 * judged here: `decideToolCall` turns it into a card with the diff.
 */
export type DecisionApplicability =
  | { applies: true }
  | { applies: false; why: 'other-conversation' | 'other-connector' | 'other-tool' | 'panel-reloaded' };

/** Whether `stored` may stand in for asking the user about the call described by `scope`. */
export function decisionApplicability(stored: StoredDecision, scope: DecisionScope): DecisionApplicability {
  if (stored.conversationId !== scope.conversationId) return { applies: false, why: 'other-conversation' };
  if (stored.connectorId !== scope.connectorId) return { applies: false, why: 'other-connector' };
  if (stored.toolName !== scope.toolName) return { applies: false, why: 'other-tool' };
  if (!scope.keepAcrossReloads && (stored.panelSessionId === undefined || stored.panelSessionId !== scope.panelSessionId)) {
    // Without a known panel load on either side, nothing proves it is the same one: ask again.
    return { applies: false, why: 'panel-reloaded' };
  }
  return { applies: true };
}

/**
 * The decision to pass to `decideToolCall`: the newest stored one that applies, or undefined.
 * Its fingerprint is kept as stored, so a stale one still surfaces as "definition changed".
 */
export function pickRememberedDecision(stored: readonly StoredDecision[], scope: DecisionScope): RememberedDecision | undefined {
  let newest: StoredDecision | undefined;
  for (const candidate of stored) {
    if (!decisionApplicability(candidate, scope).applies) continue;
    if (!newest || candidate.decidedAt >= newest.decidedAt) newest = candidate;
  }
  return newest && { decision: newest.decision, toolFingerprint: newest.toolFingerprint };
}
