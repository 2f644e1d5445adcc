/** The user's answer on an approval card. */
export type Decision = 'allow' | 'deny';

/**
 * Sends a decision for one call. Resolves to the refusal in words (say, an edited input that
 * breaks the tool's schema), or null once the background took it.
 */
export type DecideCall = (callId: string, decision: Decision, remembered: boolean, editedArgs?: Record<string, unknown>) => Promise<string | null>;
