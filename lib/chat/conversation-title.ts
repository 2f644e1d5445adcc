/** What a conversation is called until its first message names it. */
export const NEW_CONVERSATION_TITLE = 'New conversation';

/** Long enough to recognise a conversation in the list, short enough for one line of the panel. */
export const TITLE_MAX_CHARS = 60;

/** The first non-empty line of the user's first message, cut to `TITLE_MAX_CHARS` with an ellipsis. */
export function titleFromMessage(text: string): string {
  const line = text.split('\n').map((part) => part.trim()).find((part) => part !== '') ?? NEW_CONVERSATION_TITLE;
  const chars = [...line];
  return chars.length <= TITLE_MAX_CHARS ? line : `${chars.slice(0, TITLE_MAX_CHARS - 1).join('').trimEnd()}…`;
}
