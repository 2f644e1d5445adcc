import { CommandError } from '@/lib/messaging/command-error';

/**
 * The one place an unknown failure becomes words on screen. A command error's `code` is for
 * branching (see the callers); its message is already written for people, except a silent worker's.
 */
export function errorText(error: unknown): string {
  if (error instanceof CommandError && error.code === 'no-background') {
    return 'The background is not answering. It restarts by itself; try again in a moment.';
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
