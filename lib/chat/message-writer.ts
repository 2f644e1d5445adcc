import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import type { ConversationStore } from './conversation-store';

/** How long streamed deltas gather in memory before one write; a token is never a write. */
export const DEFAULT_FLUSH_INTERVAL_MS = 100;

/**
 * Holds one message being written and persists it: edits at once, streamed deltas in batches.
 * Writes are chained, so the stored row never goes back to an older state.
 */
export class MessageWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<ConversationStore, 'put'>,
    private current: MessageRow,
    private readonly flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS,
  ) {}

  get row(): MessageRow {
    return this.current;
  }

  /** Adds streamed text to a text or reasoning part; written with the next batch. */
  appendText(partId: string, delta: string): void {
    this.current = {
      ...this.current,
      parts: this.current.parts.map((part) =>
        part.id === partId && (part.type === 'text' || part.type === 'reasoning') ? { ...part, text: part.text + delta } : part,
      ),
    };
    this.timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs);
  }

  /** Records the model's token counts; written with the next write (the step always ends with one). */
  setUsage(usage: NonNullable<MessageRow['usage']>): void {
    this.current = { ...this.current, usage };
  }

  /** Changes the parts and writes at once (status changes must not wait for a batch). */
  edit(change: (parts: MessagePart[]) => MessagePart[]): Promise<void> {
    this.current = { ...this.current, parts: change(this.current.parts) };
    return this.flush();
  }

  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const snapshot = this.current;
    this.chain = this.chain.catch(() => undefined).then(() => this.store.put(snapshot));
    return this.chain;
  }
}
