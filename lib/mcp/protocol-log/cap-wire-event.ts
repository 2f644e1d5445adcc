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
  return copy.cut ? { event: { ...event, frame: copy.value, capped: true }, bytes } : { event, bytes };
}
