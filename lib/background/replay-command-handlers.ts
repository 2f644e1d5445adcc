import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { DecisionsRepository } from '../db/repositories/decisions-repository';
import type { CommandHandlers } from '../messaging/command-router';
import { handRunRisk } from './audit-hand-run';
import { ReplayGrants } from './replay-grants';

export type ReplayCommandHandlers = Pick<CommandHandlers, 'replay.policy' | 'replay.decide' | 'replay.run'>;

/** Thrown when a replay is refused before anything is sent; the dialog shows the message. */
export class ReplayRefusedError extends Error {
  override readonly name = 'ReplayRefusedError';
  readonly code = 'replay-refused';
}

export interface ReplayDeps {
  connectors: Pick<ConnectorsRepository, 'get'>;
  /** The chat's audit: a replay's approval or denial is filed under the conversation it came from. */
  audit: Pick<DecisionsRepository, 'appendAudit'>;
  /** The hand run's command, which sends, follows progress, caps the result and audits the write. */
  callTool: CommandHandlers['connectors.callTool'];
  now?: () => number;
}

/**
 * Replays of chat calls: the same approval rule as the chat (a write tool asks first), decided in
 * the Run dialog, kept here as a one-time grant for exactly that input, and audited.
 */
export function createReplayCommandHandlers(deps: ReplayDeps): ReplayCommandHandlers {
  const grants = new ReplayGrants();
  const now = deps.now ?? Date.now;
  async function policyOf(connectorId: string, toolName: string) {
    const row = await deps.connectors.get(connectorId);
    const tool = row?.tools.find((t) => t.name === toolName);
    if (!row || !tool) throw new ReplayRefusedError(`The server no longer offers a tool named ${toolName}, so the call cannot be replayed.`);
    const { audited, risk } = handRunRisk(row, tool);
    return { needsApproval: audited, risk };
  }
  return {
    'replay.policy': ({ connectorId, toolName }) => policyOf(connectorId, toolName),
    'replay.decide': async (call) => {
      if (call.callId === call.replayOf.callId) throw new ReplayRefusedError('A replay needs a fresh call id.');
      const { risk } = await policyOf(call.connectorId, call.toolName);
      if (call.decision === 'allow') grants.grant(call);
      else grants.revoke(call.callId);
      await deps.audit.appendAudit({
        at: now(),
        kind: call.decision === 'allow' ? 'approved' : 'denied',
        conversationId: call.replayOf.conversationId,
        connectorId: call.connectorId,
        toolName: call.toolName,
        detail: { callId: call.callId, input: call.args, risk, origin: 'replay', replayOf: call.replayOf.callId },
      });
      return {};
    },
    'replay.run': async (call) => {
      if (call.callId === call.replayOf.callId) throw new ReplayRefusedError('A replay needs a fresh call id.');
      const { needsApproval, risk } = await policyOf(call.connectorId, call.toolName);
      if (needsApproval && !grants.take(call)) throw new ReplayRefusedError(`${call.toolName} is a ${risk} tool: approve the replay first (nothing was sent).`);
      return deps.callTool({ id: call.connectorId, callId: call.callId, toolName: call.toolName, args: call.args });
    },
  };
}
