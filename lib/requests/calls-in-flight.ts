/**
 * The call a server request may belong to: a chat tool call (by its conversation and call id) or
 * a tool run by hand from the Run dialog (by the dialog's call id).
 */
export type CallInFlight =
  | { type: 'chat-call'; conversationId: string; callId: string; toolName: string }
  | { type: 'hand-run'; callId: string; toolName: string };

/**
 * The tool calls under way, per connector. A server's request does not say which of our calls it
 * belongs to (the SDK client does not tell which response stream it arrived on), so the broker
 * asks here which calls were running on that connector when it came (see `locateRequest`).
 */
export class CallsInFlight {
  private readonly calls = new Map<string, Set<CallInFlight>>();

  /** Runs `call` with `caller` listed as in flight on the connector until it settles. */
  async track<T>(connectorId: string, caller: CallInFlight | undefined, call: () => Promise<T>): Promise<T> {
    if (!caller) return call();
    const running = this.calls.get(connectorId) ?? new Set<CallInFlight>();
    this.calls.set(connectorId, running);
    running.add(caller);
    try {
      return await call();
    } finally {
      running.delete(caller);
      if (running.size === 0) this.calls.delete(connectorId);
    }
  }

  /** The calls running on the connector now, in the order they started. */
  on(connectorId: string): CallInFlight[] {
    return [...(this.calls.get(connectorId) ?? [])];
  }
}
