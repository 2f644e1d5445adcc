import type { CommandErrorCode } from './command-protocol';

/** A command the background refused or failed; `code` says which, `message` is for people. */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(
    readonly code: CommandErrorCode | 'no-background' | 'bad-reply',
    message: string,
  ) {
    super(message);
  }
}
