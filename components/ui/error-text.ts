import { CommandError } from '@/lib/messaging/command-error';

/** The one place an unknown failure becomes words on screen. */
export function errorText(error: unknown): string {
  if (error instanceof CommandError) {
    switch (error.code) {
      case 'no-background':
        return 'The background is not answering. It restarts by itself; try again in a moment.';
      case 'bad-request':
      case 'unknown-command':
      case 'forbidden-sender':
      case 'bad-reply':
      case 'failed':
        return error.message;
    }
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
