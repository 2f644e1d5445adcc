import { z } from 'zod';
import { LOG_LEVELS } from './connector-kind-names';

/** The spec's syslog levels (RFC 5424), least to most severe. */
export { LOG_LEVELS } from './connector-kind-names';
export const LogLevelSchema = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevelSchema>;

/** Whether a message at `level` passes a filter of "at least `floor`". */
export function atLeast(level: LogLevel, floor: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(floor);
}
