import type { RunErrorCode } from '../contract/error-codes';

export class RunError extends Error {
  constructor(
    readonly code: RunErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ConversationNotFoundError extends RunError {
  constructor(conversationId: string) {
    super('conversation-not-found', `No conversation ${conversationId}.`);
  }
}

/** The decision names a call that has no pending approval (already decided, or never asked). */
export class ApprovalNotFoundError extends RunError {
  constructor(callId: string) {
    super('approval-not-found', `No pending approval for the tool call ${callId}.`);
  }
}

/**
 * The card was decided already (a second panel, a double click): the first decision stands, and
 * this one changes nothing, sends nothing and adds nothing to the audit.
 */
export class ApprovalAlreadyDecidedError extends RunError {
  constructor(
    readonly callId: string,
    readonly decision: 'allow' | 'deny',
  ) {
    super('already-decided', `This call was already ${decision === 'allow' ? 'approved' : 'denied'}; the first decision stands.`);
  }
}

/** Settings lack what a model request needs; the message says what to fill in. */
export class ModelNotConfiguredError extends RunError {
  constructor(message: string) {
    super('model-not-configured', message);
  }
}

/** Retry needs a last answer that was cut (stopped, interrupted or failed), not a finished one. */
export class NothingToRetryError extends RunError {
  constructor() {
    super('nothing-to-retry', 'There is no cut or failed answer to retry.');
  }
}

/** Continue needs a last answer whose text was cut short; a failure with no text can only be retried. */
export class NothingToContinueError extends RunError {
  constructor() {
    super('nothing-to-continue', 'There is no cut answer text to continue.');
  }
}

/** The input the user edited on a card breaks the tool's schema: the decision is refused, nothing changes. */
export class InvalidEditedArgumentsError extends RunError {
  constructor(
    toolName: string,
    readonly problems: readonly string[],
  ) {
    super('invalid-edited-arguments', `The edited input does not match the input schema of ${toolName}:\n${problems.join('\n')}`);
  }
}

/**
 * The server changed the tool while its card was open: the user read a definition that no longer
 * holds, so the approval is refused and the card now shows what changed.
 */
export class ToolChangedWhileAskingError extends RunError {
  constructor(toolName: string) {
    super('tool-changed', `${toolName} changed while its card was open. Read what changed, then decide again.`);
  }
}

/** The message's attached context is over a limit (see lib/contract/attachment-limits); nothing was stored. */
export class AttachmentsRefusedError extends RunError {
  constructor(message: string) {
    super('attachments-refused', message);
  }
}
