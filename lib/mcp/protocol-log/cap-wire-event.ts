import { boundedCopy } from './bounded-copy';
import type { WireEvent } from './wire-event';

/**
 * The most of one frame the protocol log keeps, in characters of its JSON. A 5 MB tool result is
 * logged as a shortened copy of its shape; the whole result stays with its caller (the
 * conversation, or the hand run's full-result keeper).
 */
export const MAX_LOGGED_FRAME_CHARS = 32 * 1024;

/** A wire event as the log stores it, and about how many bytes that is (the writer's budget). */
export interface LoggedEvent {
  event: WireEvent;
  bytes: number;
}

/**
 * The event with its frame cut to fit `budget` characters (see `boundedCopy`), marked `capped`
 * (`sizeBytes` keeps the whole frame's size). A frame that fits is returned as it is.
 */
export function capWireEvent(event: WireEvent, budget = MAX_LOGGED_FRAME_CHARS): LoggedEvent {
  const copy = boundedCopy(event.frame, budget);
  const bytes = copy.used + 256;
  return copy.cut ? { event: { ...event, frame: withEnvelope(event.frame, copy.value), capped: true }, bytes } : { event, bytes };
}

/** The JSON-RPC fields that say what a frame is and which request it answers: short, and kept whole. */
const ENVELOPE = ['jsonrpc', 'id', 'method'] as const;

/**
 * A response is sent as `{ result, jsonrpc, id }`: a giant result would use the budget before its
 * id, and the log could no longer pair it with its request. The envelope goes first, uncut (a
 * string id or method longer than a line is cut like any other string).
 */
function withEnvelope(original: unknown, copy: unknown): unknown {
  if (typeof original !== 'object' || original === null || Array.isArray(original) || typeof copy !== 'object' || copy === null) return copy;
  const envelope: Record<string, unknown> = {};
  for (const key of ENVELOPE) {
    const value = (original as Record<string, unknown>)[key];
    if (typeof value === 'number' || (typeof value === 'string' && value.length <= 200)) envelope[key] = value;
  }
  return { ...envelope, ...(copy as Record<string, unknown>), ...envelope };
}
