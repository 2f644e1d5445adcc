import { z } from 'zod';
import {
  COMMAND_CHANNEL,
  CommandEnvelopeSchema,
  commandProtocol,
  type CommandName,
  type CommandReply,
  type CommandResponse,
  type CommandProtocol,
} from './command-protocol';
import { HandlerErrorCodeSchema, type CommandErrorCode } from '../contract/error-codes';
import { isOwnExtensionPage, type MessageSenderLike, type OwnExtension } from './own-extension';

/** One handler per command; each receives its request already parsed. */
export type CommandHandlers = {
  [C in CommandName]: (request: z.infer<CommandProtocol[C]['request']>) => Promise<CommandResponse<C>>;
};

/** The part of `runtime.MessageSender` the router reads. */
export type CommandSender = MessageSenderLike;

/**
 * Builds the background's `runtime.onMessage` listener. Messages for other channels are left
 * alone (returns `undefined`); ours are checked for sender and shape, and every failure becomes
 * an error reply rather than an exception that would take the listener down.
 */
export function createCommandRouter(handlers: CommandHandlers, own: OwnExtension) {
  return (message: unknown, sender: CommandSender): Promise<CommandReply> | undefined => {
    if ((message as { channel?: unknown } | null)?.channel !== COMMAND_CHANNEL) return undefined;
    return route(handlers, own, message, sender);
  };
}

async function route(
  handlers: CommandHandlers,
  own: OwnExtension,
  message: unknown,
  sender: CommandSender,
): Promise<CommandReply> {
  if (!isOwnExtensionPage(sender, own)) return refuse('forbidden-sender', 'Commands are accepted only from Patchbay\'s own pages.');
  const envelope = CommandEnvelopeSchema.safeParse(message);
  if (!envelope.success) return refuse('bad-request', z.prettifyError(envelope.error));
  const name = envelope.data.command;
  if (!Object.hasOwn(commandProtocol, name)) return refuse('unknown-command', `No command named "${name}".`);
  const spec = commandProtocol[name as CommandName];
  const request = spec.request.safeParse(envelope.data.payload);
  if (!request.success) return refuse('bad-request', `${name}: ${z.prettifyError(request.error)}`);
  try {
    const handler = handlers[name as CommandName] as (request: unknown) => Promise<unknown>;
    return { ok: true, result: spec.response.parse(await handler(request.data)) };
  } catch (error) {
    return refuse(handlerCodeOf(error), error instanceof Error ? error.message : String(error));
  }
}

/** A named error's code when it is one the contract lists; anything else is a plain failure. */
function handlerCodeOf(error: unknown): CommandErrorCode {
  const code = HandlerErrorCodeSchema.safeParse((error as { code?: unknown } | null)?.code);
  return code.success ? code.data : 'failed';
}

function refuse(code: CommandErrorCode, message: string): CommandReply {
  return { ok: false, error: { code, message } };
}
