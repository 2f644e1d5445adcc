import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AuthStepSchema } from '../contract/auth-step';
import { chatCommandProtocol } from './chat-command-protocol';
import { turnCommandProtocol } from './turn-command-protocol';
import { fileCommandProtocol } from './file-command-protocol';
import { serverRequestCommandProtocol } from './server-request-protocol';
import { contextCommandProtocol } from './context-command-protocol';
import { pageCommandProtocol } from './page-command-protocol';
import { iconCommandProtocol } from './icon-command-protocol';
import { appCommandProtocol } from './app-command-protocol';
import { workbenchCommandProtocol } from './workbench-command-protocol';
import { evalCommandProtocol } from './eval-command-protocol';
import { savedCallCommandProtocol } from './saved-call-command-protocol';
import { replayCommandProtocol } from './replay-command-protocol';
import { traceCommandProtocol } from './trace-command-protocol';
import { toolSwitchCommandProtocol } from './tool-switch-command-protocol';
import { EndpointCheckResultSchema } from '../contract/endpoint-check-result';
import { ApprovalSettingsSchema } from '../contract/approval-settings';
import { ProviderSettingsInputSchema, ProviderSettingsViewSchema } from '../contract/provider-settings';
import { ConnectorDraftSchema } from '../contract/connector-draft';
import { VersionedStatusSchema } from '../contract/connector-status';
import { ToolListDiffSchema } from '../contract/tool-diff';
import { CommandErrorCodeSchema } from '../contract/error-codes';
import { LogLevelSchema } from '../contract/log-level';
import { COMMAND_CHANNEL } from './command-channel';

export { COMMAND_CHANNEL };

/** Proof of life from the background, and enough to tell a restarted worker from the old one. */
export const PingResultSchema = z.object({
  version: z.string(),
  workerStartedAt: z.number(),
  databaseReady: z.boolean(),
});

const ConnectorIdSchema = z.object({ id: z.string() });

const SaveConnectorResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.string(), warnings: z.array(z.string()) }),
  z.object({ ok: z.literal(false), errors: z.record(z.string(), z.string()) }),
]);


/** A finished tool call for display: the result capped, with the full size and the time it took. */
export const ToolCallOutcomeSchema = z.object({
  result: CallToolResultSchema,
  totalBytes: z.number().int().nonnegative(),
  truncated: z.boolean(),
  durationMs: z.number().nonnegative(),
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
  'settings.approvals.get': { request: z.object({}), response: ApprovalSettingsSchema },
  'settings.approvals.save': { request: ApprovalSettingsSchema, response: ApprovalSettingsSchema },
  'connectors.statuses': { request: z.object({}), response: z.record(z.string(), VersionedStatusSchema) },
  'connectors.save': { request: ConnectorDraftSchema, response: SaveConnectorResultSchema },
  'connectors.remove': { request: ConnectorIdSchema, response: z.object({}) },
  'connectors.reconnect': { request: ConnectorIdSchema, response: z.object({}) },
  'connectors.refreshTools': { request: ConnectorIdSchema, response: ToolListDiffSchema },
  /** Refreshes every connected connector's tools at once; the others are skipped, a failure does not stop the rest. */
  'connectors.refreshAll': {
    request: z.object({}),
    response: z.object({ refreshed: z.number().int(), failed: z.array(z.object({ id: z.string(), message: z.string() })), skipped: z.number().int() }),
  },
  'connectors.setToolEnabled': {
    request: ConnectorIdSchema.extend({ toolName: z.string(), enabled: z.boolean() }),
    response: z.object({}),
  },
  /**
   * Asks the server for log messages from this level up (`logging/setLevel`), remembered for the
   * connector and sent again on every new session. Refused when the server did not declare `logging`.
   */
  'connectors.setLogLevel': { request: ConnectorIdSchema.extend({ level: LogLevelSchema }), response: z.object({}) },
  /** Runs a tool by hand; progress arrives on the port as `tool-progress` with the same `callId`. */
  'connectors.callTool': {
    request: ConnectorIdSchema.extend({ callId: z.string(), toolName: z.string(), args: z.record(z.string(), z.unknown()) }),
    response: ToolCallOutcomeSchema,
  },
  'connectors.cancelCall': { request: z.object({ callId: z.string() }), response: z.object({ cancelled: z.boolean() }) },
  /** Every byte of a hand-run result whose display copy was cut, as JSON text, while the background keeps it. */
  'connectors.fullResult': { request: z.object({ callId: z.string() }), response: z.object({ json: z.string() }) },
  /** Runs the OAuth sign-in in a browser window; closing the window is an answer, not an error. */
  'connectors.signIn': { request: ConnectorIdSchema, response: z.object({ outcome: z.enum(['signed-in', 'cancelled']) }) },
  'connectors.signOut': { request: ConnectorIdSchema, response: z.object({}) },
  /** The steps of the connector's last OAuth flow, for the auth debugger. */
  'connectors.authSteps': { request: ConnectorIdSchema, response: z.array(AuthStepSchema) },
  /** A chat tool call's stored result capped for display (capping happens only in the background). */
  'chat.shownResult': {
    request: z.object({ messageId: z.string(), callId: z.string() }),
    response: ToolCallOutcomeSchema.omit({ durationMs: true }),
  },
  ...chatCommandProtocol,
  ...turnCommandProtocol,
  ...fileCommandProtocol,
  ...serverRequestCommandProtocol,
  ...contextCommandProtocol,
  ...pageCommandProtocol,
  ...iconCommandProtocol,
  ...appCommandProtocol,
  ...workbenchCommandProtocol,
  ...evalCommandProtocol,
  ...savedCallCommandProtocol,
  ...replayCommandProtocol,
  ...traceCommandProtocol,
  ...toolSwitchCommandProtocol,
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type CommandProtocol = typeof commandProtocol;
export type CommandName = keyof CommandProtocol;
export type CommandRequest<C extends CommandName> = z.input<CommandProtocol[C]['request']>;
export type CommandResponse<C extends CommandName> = z.infer<CommandProtocol[C]['response']>;

/** The wire form of a command; the payload is parsed by the command's own schema afterwards. */
export const CommandEnvelopeSchema = z.object({
  channel: z.literal(COMMAND_CHANNEL),
  command: z.string(),
  payload: z.unknown(),
});


export const CommandReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: CommandErrorCodeSchema, message: z.string() }) }),
]);
export type CommandReply = z.infer<typeof CommandReplySchema>;
