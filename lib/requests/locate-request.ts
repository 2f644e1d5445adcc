import type { ServerRequestOrigin } from '../contract/server-request';
import type { CallInFlight, CallsInFlight } from './calls-in-flight';

/** Where a request is shown and whether the card warns that the person never used the connector here. */
export interface RequestLocation {
  origin: ServerRequestOrigin;
  conversationId: string | null;
  /** The tool of the call that caused it, when one did. */
  toolName?: string;
  unfamiliar: boolean;
}

export interface LocateDeps {
  inFlight: Pick<CallsInFlight, 'on'>;
  /** Whether the conversation holds a tool call to the connector (the one running counts). */
  usedInConversation(conversationId: string, connectorId: string): Promise<boolean>;
}

/**
 * Which call caused a request, by this rule: the one call running on that connector when the
 * request came. With none running, or several (the server does not say which, and guessing could
 * show a request beside a call it does not belong to), the origin is `none` and the card goes to
 * the top of the Chat tab, in the calls' conversation when they all share one.
 *
 * Unfamiliar: the request did not come from a hand run (where the person just ran the connector's
 * tool) and its conversation holds no call to that connector, or it has no conversation at all.
 */
export async function locateRequest(connectorId: string, deps: LocateDeps): Promise<RequestLocation> {
  const running = deps.inFlight.on(connectorId);
  const [only] = running;
  if (running.length === 1 && only) return locationOfCall(connectorId, only, deps);
  const conversations = new Set(running.map((call) => (call.type === 'chat-call' ? call.conversationId : null)));
  const [shared] = conversations;
  const conversationId = conversations.size === 1 && shared ? shared : null;
  const unfamiliar = conversationId === null || !(await deps.usedInConversation(conversationId, connectorId));
  return { origin: { type: 'none', conversationId }, conversationId, unfamiliar };
}

async function locationOfCall(connectorId: string, call: CallInFlight, deps: LocateDeps): Promise<RequestLocation> {
  switch (call.type) {
    case 'hand-run':
      return { origin: { type: 'hand-run', callId: call.callId }, conversationId: null, toolName: call.toolName, unfamiliar: false };
    case 'chat-call': {
      const unfamiliar = !(await deps.usedInConversation(call.conversationId, connectorId));
      return { origin: { type: 'chat-call', conversationId: call.conversationId, callId: call.callId }, conversationId: call.conversationId, toolName: call.toolName, unfamiliar };
    }
  }
}
