import { browser } from 'wxt/browser';
import { COMMAND_CHANNEL } from './command-channel';
import type { CommandName, CommandRequest, CommandResponse } from './command-protocol';
import { carryCommand } from './command-carrier';
import { CommandError } from './command-error';
import { replyChecksAllowed } from './reply-check-gate';

/** Anything that can carry a message to the background and bring back its reply. */
export type MessageSend = (message: unknown) => Promise<unknown>;

/** The panel's open port when it is connected (see `command-carrier.ts`), else a one-off message. */
const oneOffMessage: MessageSend = (message) => browser.runtime.sendMessage(message);
const viaPortOrMessage: MessageSend = (message) => carryCommand(message, oneOffMessage) ?? oneOffMessage(message);

/**
 * The reply checks, loaded on the first command rather than with the panel's first screen: every
 * command's schemas (and zod's work building them) would otherwise delay the first paint, while
 * what the panel sends is checked by the background's router anyway. A panel that holds them for
 * its first screen (reply-check-gate.ts) gets them once that screen is drawn.
 */
let replyChecks: Promise<typeof import('./command-reply-check')> | undefined;
const loadReplyChecks = () =>
  (replyChecks ??= replyChecksAllowed().then(() => import('./command-reply-check')).catch((error: unknown) => {
    replyChecks = undefined; // a chunk that failed to load is asked for again by the next command
    throw error;
  }));

/**
 * Sends one command and returns its parsed response, or throws a {@link CommandError}. The reply
 * is validated too: a panel never trusts a shape it did not check.
 */
export async function sendCommand<C extends CommandName>(
  command: C,
  request: CommandRequest<C>,
  send: MessageSend = viaPortOrMessage,
): Promise<CommandResponse<C>> {
  const checks = loadReplyChecks();
  let raw: unknown;
  try {
    raw = await send({ channel: COMMAND_CHANNEL, command, payload: request });
  } catch (error) {
    throw new CommandError('no-background', `The background did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (await checks).checkedReply(command, raw);
}
