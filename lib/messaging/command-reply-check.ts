import { z } from 'zod';
import { CommandReplySchema, commandProtocol, type CommandName, type CommandResponse } from './command-protocol';
import { CommandError } from './command-error';

/**
 * A command's reply as the panel may use it: the envelope and the command's own response schema
 * both checked, else a {@link CommandError} (`bad-reply` for a malformed one, the background's
 * code for a refusal). Loaded lazily by the command client.
 */
export function checkedReply<C extends CommandName>(command: C, raw: unknown): CommandResponse<C> {
  const reply = CommandReplySchema.safeParse(raw);
  if (!reply.success) throw new CommandError('bad-reply', `Malformed reply to ${command}: ${z.prettifyError(reply.error)}`);
  if (!reply.data.ok) throw new CommandError(reply.data.error.code, reply.data.error.message);
  const result = commandProtocol[command].response.safeParse(reply.data.result);
  if (!result.success) throw new CommandError('bad-reply', `Malformed result of ${command}: ${z.prettifyError(result.error)}`);
  return result.data as CommandResponse<C>;
}
