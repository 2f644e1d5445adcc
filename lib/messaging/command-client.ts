import { browser } from 'wxt/browser';
import { z } from 'zod';
import {
  COMMAND_CHANNEL,
  CommandReplySchema,
  commandProtocol,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
} from './command-protocol';
import { carryCommand } from './command-carrier';
import { CommandError } from './command-error';

/** Anything that can carry a message to the background and bring back its reply. */
export type MessageSend = (message: unknown) => Promise<unknown>;

/** The panel's open port when it is connected (see `command-carrier.ts`), else a one-off message. */
const oneOffMessage: MessageSend = (message) => browser.runtime.sendMessage(message);
const viaPortOrMessage: MessageSend = (message) => carryCommand(message, oneOffMessage) ?? oneOffMessage(message);

/**
 * Sends one command and returns its parsed response, or throws a {@link CommandError}. The reply
 * is validated too: a panel never trusts a shape it did not check.
 */
export async function sendCommand<C extends CommandName>(
  command: C,
  request: CommandRequest<C>,
  send: MessageSend = viaPortOrMessage,
): Promise<CommandResponse<C>> {
  let raw: unknown;
  try {
    raw = await send({ channel: COMMAND_CHANNEL, command, payload: request });
  } catch (error) {
    throw new CommandError('no-background', `The background did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  const reply = CommandReplySchema.safeParse(raw);
  if (!reply.success) throw new CommandError('bad-reply', `Malformed reply to ${command}: ${z.prettifyError(reply.error)}`);
  if (!reply.data.ok) throw new CommandError(reply.data.error.code, reply.data.error.message);
  const result = commandProtocol[command].response.safeParse(reply.data.result);
  if (!result.success) throw new CommandError('bad-reply', `Malformed result of ${command}: ${z.prettifyError(result.error)}`);
  return result.data as CommandResponse<C>;
}
