/**
 * The tool calls under way, each with its own AbortController beside its run's: **Cancel** on a
 * card aborts that one call (the SDK sends `notifications/cancelled`, a task gets `tasks/cancel`)
 * and the run goes on; Stop still aborts the whole run.
 */
export class CallCancels {
  private readonly calls = new Map<string, AbortController>();

  /** A controller for the call, and the signal that aborts on either it or the run's `signal`. */
  open(conversationId: string, callId: string, signal: AbortSignal): { signal: AbortSignal; cancelled(): boolean; close(): void } {
    const key = keyOf(conversationId, callId);
    const own = new AbortController();
    this.calls.set(key, own);
    return {
      signal: AbortSignal.any([signal, own.signal]),
      cancelled: () => own.signal.aborted && !signal.aborted,
      close: () => {
        if (this.calls.get(key) === own) this.calls.delete(key);
      },
    };
  }

  /** Aborts the call if it is under way; false when there is no such call (it already ended). */
  cancel(conversationId: string, callId: string): boolean {
    const controller = this.calls.get(keyOf(conversationId, callId));
    controller?.abort(new Error('Cancelled by the user.'));
    return controller !== undefined;
  }
}

function keyOf(conversationId: string, callId: string): string {
  return `${conversationId}\u0000${callId}`;
}
