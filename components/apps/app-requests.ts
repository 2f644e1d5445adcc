import type { AppCallAnswer } from '@/lib/contract/app-call';

/** An app's `tools/call` the background holds for the user's decision (see `apps.callTool`). */
export type HeldCall = Extract<AppCallAnswer, { type: 'ask' }>;

/**
 * What an app asked for that waits on the person: a write call's card, a link to open, a message
 * to add to the chat. Each resolves the app's pending request when the person answers.
 */
export type AppPrompt =
  | { type: 'call'; call: HeldCall; answer(decision: 'allow' | 'deny', remembered: boolean, editedArgs?: Record<string, unknown>): Promise<string | null> }
  | { type: 'link'; url: string; answer(open: boolean): void }
  /** `kind`: a `ui/message` (starts a turn) or a `ui/update-model-context` (kept for the next one). */
  | { type: 'message'; kind: 'message' | 'context'; text: string; answer(send: boolean): Promise<void> };

/** Only web links open from an app; `javascript:`, `data:`, extension and file URLs never do. */
export function openableUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 8_192) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The text of a `ui/message`'s (or a context update's) content blocks; anything but text is named, not shown. */
export function messageText(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content
    .map((block: { type?: unknown; text?: unknown }) => (block?.type === 'text' && typeof block.text === 'string' ? block.text : `[${String(block?.type ?? 'unknown')} content left out]`))
    .join('\n')
    .trim();
}

/** The tallest an inline app may grow, in CSS pixels; beyond it the app scrolls inside its frame. */
export const MAX_INLINE_APP_HEIGHT = 640;
export const INITIAL_APP_HEIGHT = 160;

/** An app's requested height, bounded: at least a line, at most {@link MAX_INLINE_APP_HEIGHT}. */
export function boundedHeight(height: unknown): number | null {
  if (typeof height !== 'number' || !Number.isFinite(height)) return null;
  return Math.min(MAX_INLINE_APP_HEIGHT, Math.max(24, Math.ceil(height)));
}
