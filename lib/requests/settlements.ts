import type { ServerRequestSettlement } from '../contract/server-request-reply';

/** Why a request a dead worker left open ended (the card and the audit show it). */
export const LOST_AT_WAKE =
  "Patchbay's background stopped while this request waited, and its connection to the server ended with it, so no answer could be sent. Ask the server again (run the tool again).";

/**
 * The server gave up before anyone answered: it cancelled (a reason it gave is kept), its own
 * timeout passed, or the connection closed. Nothing is sent: the server no longer waits.
 */
export function expiredSettlement(abortReason: unknown): ServerRequestSettlement {
  const said = typeof abortReason === 'string' && abortReason.trim() !== '' ? ` It said: ${abortReason.trim().slice(0, 300)}` : '';
  return {
    outcome: 'expired',
    reply: { type: 'result', result: { action: 'cancel' } },
    unsent: true,
    reason: `The server stopped waiting (it cancelled or timed out, or the connection closed) before anyone answered.${said}`,
  };
}

/** A request a restarted worker found open: recorded as `lost`, answered `cancel` if it ever could be. */
export function lostSettlement(reason: string): ServerRequestSettlement {
  return { outcome: 'lost', reply: { type: 'result', result: { action: 'cancel' } }, reason, unsent: true };
}
