/** Why a run command could not be carried out; the UI turns `code` into text in one place. */
export type RunErrorCode = 'conversation-not-found' | 'approval-not-found' | 'model-not-configured';

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
