import { z } from 'zod';
import { EndpointCheckResultSchema } from '../llm/endpoint-check-result';
import { ProviderSettingsInputSchema, ProviderSettingsViewSchema } from '../settings/provider-settings';

/** Proof of life from the background, and enough to tell a restarted worker from the old one. */
export const PingResultSchema = z.object({
  version: z.string(),
  workerStartedAt: z.number(),
  databaseReady: z.boolean(),
});

/**
 * Every request/response command between panel and background, in one map: adding a command
 * here is what makes it typed on both sides and parsed on arrival.
 */
export const commandProtocol = {
  ping: { request: z.object({}), response: PingResultSchema },
  'settings.get': { request: z.object({}), response: ProviderSettingsViewSchema },
  'settings.save': { request: ProviderSettingsInputSchema, response: ProviderSettingsViewSchema },
  /** Checks the form's values (the stored key when none was typed) without saving them. */
  'settings.checkEndpoint': { request: ProviderSettingsInputSchema, response: EndpointCheckResultSchema },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type CommandProtocol = typeof commandProtocol;
export type CommandName = keyof CommandProtocol;
export type CommandRequest<C extends CommandName> = z.input<CommandProtocol[C]['request']>;
export type CommandResponse<C extends CommandName> = z.infer<CommandProtocol[C]['response']>;

export const COMMAND_CHANNEL = 'patchbay/command';

/** The wire form of a command; the payload is parsed by the command's own schema afterwards. */
export const CommandEnvelopeSchema = z.object({
  channel: z.literal(COMMAND_CHANNEL),
  command: z.string(),
  payload: z.unknown(),
});

/** Codes a command can fail with; the panel turns them into text in one place. */
export const CommandErrorCodeSchema = z.enum(['bad-request', 'unknown-command', 'forbidden-sender', 'failed']);
export type CommandErrorCode = z.infer<typeof CommandErrorCodeSchema>;

export const CommandReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: CommandErrorCodeSchema, message: z.string() }) }),
]);
export type CommandReply = z.infer<typeof CommandReplySchema>;
