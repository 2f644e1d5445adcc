import { useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { errorText } from '../ui/error-text';
import type { PendingReplay } from './ReplayApproval';
import type { ReplaySource } from './useToolRun';

/** Where a replay stands before it is sent: nothing asked, waiting for an answer, denied, or refused. */
export type ReplayGateState = { step: 'open' } | { step: 'asking'; pending: PendingReplay } | { step: 'denied' } | { step: 'failed'; message: string };

/**
 * The chat's approval rule for a replay: asks the background whether the tool needs approval,
 * holds the input (under a fresh call id) until Approve or Deny, and records the answer. A hand
 * run that is not a replay (no `replayOf`) is sent at once, as before.
 */
export function useReplayGate(connectorId: string, toolName: string, replayOf: ReplaySource | undefined, run: (args: Record<string, unknown>, callId: string) => Promise<void>) {
  const [gate, setGate] = useState<ReplayGateState>({ step: 'open' });

  async function send(args: Record<string, unknown>): Promise<void> {
    const callId = crypto.randomUUID();
    if (!replayOf) return run(args, callId);
    try {
      const policy = await sendCommand('replay.policy', { connectorId, toolName });
      if (!policy.needsApproval) {
        setGate({ step: 'open' });
        return await run(args, callId);
      }
      setGate({ step: 'asking', pending: { callId, args, risk: policy.risk } });
    } catch (error) {
      setGate({ step: 'failed', message: errorText(error) });
    }
  }

  async function decide(decision: 'allow' | 'deny'): Promise<void> {
    if (gate.step !== 'asking' || !replayOf) return;
    const { callId, args } = gate.pending;
    try {
      await sendCommand('replay.decide', { connectorId, toolName, callId, args, replayOf, decision });
    } catch (error) {
      return setGate({ step: 'failed', message: errorText(error) });
    }
    setGate(decision === 'allow' ? { step: 'open' } : { step: 'denied' });
    if (decision === 'allow') await run(args, callId);
  }

  return { gate, send, decide };
}
