/**
 * The `channel` every command envelope carries, so the background's message listener can tell
 * Patchbay's commands from anything else. Its own file: the panel's command client needs it at
 * start, before the command schemas (command-protocol.ts) are loaded.
 */
export const COMMAND_CHANNEL = 'patchbay/command';
