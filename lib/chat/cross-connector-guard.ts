import type { MessageRow } from '../db/rows';
import { askDespiteRememberedAllow } from '../policy/provenance-rule';
import type { ToolPolicyOutcome } from '../policy/tool-policy';
import { callProvenance } from './call-provenance';
import type { ConversationStore } from './conversation-store';

/** What the guard reads: where earlier results are, and the user's setting (absent: on). */
export interface CrossConnectorContext {
  store: ConversationStore;
  conversationId: string;
  history: readonly MessageRow[];
  askWhenInputCrossesConnectors?: boolean | undefined;
}

/**
 * Applies `askDespiteRememberedAllow` at admission: only a remembered allow pays for the search,
 * since every other write asks anyway and shows the same provenance on its card.
 */
export async function guardRememberedAllow(
  outcome: ToolPolicyOutcome,
  call: { args?: Record<string, unknown> | undefined; connectorId: string },
  context: CrossConnectorContext,
): Promise<ToolPolicyOutcome> {
  const enabled = context.askWhenInputCrossesConnectors !== false;
  if (!enabled || outcome.action !== 'run' || outcome.why !== 'remembered-allow') return outcome;
  const conversation = await context.store.conversation(context.conversationId);
  const labels = new Map((await context.store.connectorsOf(conversation)).map((row) => [row.id, row.label]));
  const hits = callProvenance(call.args, call.connectorId, context.history, labels);
  return askDespiteRememberedAllow(outcome, { crossesConnectors: hits.some((hit) => !hit.sameConnector) }, enabled);
}
