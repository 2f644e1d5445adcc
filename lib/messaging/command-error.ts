import type { CommandErrorCode } from '../contract/error-codes';

/** A command the background refused or failed; `code` says which, `message` is for people. */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(
    readonly code: CommandErrorCode,
    message: string,
  ) {
    super(message);
  }
}
