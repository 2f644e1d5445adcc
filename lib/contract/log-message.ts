import { z } from 'zod';
import { atLeast, LogLevelSchema, type LogLevel } from './log-level';

/** The method of a server's log message (a `notifications/message` frame in the protocol log). */
export const LOG_MESSAGE_METHOD = 'notifications/message';

/** How much of a message's data a log line shows; the whole frame is one click away. */
const DATA_PREVIEW = 160;

/** A server's log message as the protocol log shows it: its level, its logger, a line of its data. */
export interface LogMessageView {
  level: LogLevel;
  logger: string | null;
  preview: string;
}

const ParamsSchema = z.object({ level: LogLevelSchema, logger: z.string().optional(), data: z.unknown() });

/**
 * The log message a stored frame carries, or null for any other frame (or one whose params do not
 * fit the spec: the row then reads as an ordinary frame). Everything here is the server's text.
 */
export function logMessageOf(frame: { method: string | null; frame: unknown }): LogMessageView | null {
  if (frame.method !== LOG_MESSAGE_METHOD) return null;
  const parsed = ParamsSchema.safeParse((frame.frame as { params?: unknown } | null)?.params);
  if (!parsed.success) return null;
  const { level, logger, data } = parsed.data;
  const text = typeof data === 'string' ? data : JSON.stringify(data) ?? '';
  return { level, logger: logger ? logger.slice(0, 80) : null, preview: text.length > DATA_PREVIEW ? `${text.slice(0, DATA_PREVIEW)}…` : text };
}

/** Whether the frame is a log message at `floor` or above (a frame that is none never is). */
export function isLogAtLeast(frame: { method: string | null; frame: unknown }, floor: LogLevel): boolean {
  const message = logMessageOf(frame);
  return message !== null && atLeast(message.level, floor);
}
