import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** How much a keeper holds by default: a few large results, never the worker's whole memory. */
export const DEFAULT_KEEPER_BUDGET_BYTES = 64 * 1024 * 1024;
export const DEFAULT_KEEPER_MAX_RESULTS = 20;

/**
 * The whole result of each recent hand-run tool call, by call id, so the panel — which is shown
 * a capped copy — can still download every byte. Newest first out of the budget: keeping one
 * more result drops the oldest until both the byte budget and the count fit. A result larger
 * than the whole budget is still kept, alone, until the next one arrives.
 */
export class FullResultKeeper {
  private readonly results = new Map<string, { json: string; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly budgetBytes = DEFAULT_KEEPER_BUDGET_BYTES,
    private readonly maxResults = DEFAULT_KEEPER_MAX_RESULTS,
  ) {}

  keep(callId: string, result: CallToolResult, bytes: number): void {
    this.forget(callId);
    this.results.set(callId, { json: JSON.stringify(result), bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.results) {
      if (this.results.size === 1 || (this.bytes <= this.budgetBytes && this.results.size <= this.maxResults)) break;
      this.results.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** The result as JSON text, or null once it was dropped (or the worker restarted since). */
  json(callId: string): string | null {
    return this.results.get(callId)?.json ?? null;
  }

  private forget(callId: string): void {
    const entry = this.results.get(callId);
    if (!entry) return;
    this.results.delete(callId);
    this.bytes -= entry.bytes;
  }
}
