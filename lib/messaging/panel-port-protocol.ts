import { z } from 'zod';
import { ConnectorStatusSchema } from '../contract/connector-status';
import { ContextNoticeSchema } from '../contract/resource-view';

// In a file without zod, so the panel's first screen reads them without loading zod.
export { PANEL_PING_INTERVAL_MS, PANEL_PORT_NAME } from './panel-port-constants';

/** Panel to background, parsed on arrival by the background. */
export const PanelToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), sentAt: z.number() }),
  /**
   * A command (the envelope `runtime.sendMessage` would carry, checked by the same router), sent on
   * the open port because a port message costs a fraction of a one-off message's round trip.
   */
  z.object({ type: z.literal('command'), requestId: z.string().min(1).max(100), message: z.unknown() }),
]);
export type PanelToBackground = z.infer<typeof PanelToBackgroundSchema>;

/**
 * Background to panel, parsed on arrival by the panel with its zod-free twin
 * (`background-to-panel-check.ts`, tested against this one). Streaming events join this union.
 */
export const BackgroundToPanelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pong'), sentAt: z.number(), workerStartedAt: z.number() }),
  /**
   * The background has the `command` with that id: from here a port that closes leaves its outcome
   * unknown, so it is not sent again. Before it, a closed port means the command never arrived.
   */
  z.object({ type: z.literal('command-received'), requestId: z.string() }),
  /** The router's reply to the `command` with that id, to that panel only; parsed by the command client. */
  z.object({ type: z.literal('command-reply'), requestId: z.string(), reply: z.unknown() }),
  /** The first message on a direct command channel: which worker took it (see `PanelPortHub.acceptChannel`). */
  z.object({ type: z.literal('channel-ready'), workerStartedAt: z.number() }),
  z.object({ type: z.literal('rejected'), code: z.literal('malformed-message'), detail: z.string() }),
  z.object({ type: z.literal('settings-changed') }),
  z.object({ type: z.literal('connector-status'), connectorId: z.string(), status: ConnectorStatusSchema, version: z.number().int() }),
  z.object({
    type: z.literal('tool-progress'),
    callId: z.string(),
    progress: z.number(),
    total: z.number().optional(),
    message: z.string().optional(),
  }),
  /** A conversation's run started (`running: true`) or ended; the panel shows Send or Stop from it. */
  z.object({ type: z.literal('run-state'), conversationId: z.string(), running: z.boolean() }),
  /** A connector's prompts or resources changed, or a subscribed resource was updated: views re-read what it names. */
  z.object({ type: z.literal('context-notice'), connectorId: z.string(), notice: ContextNoticeSchema }),
  /** The model answered 429: the run waits until `retryAt` (epoch ms) and asks again; the panel counts down. */
  z.object({ type: z.literal('rate-limited'), conversationId: z.string(), retryAt: z.number() }),
]);
export type BackgroundToPanel = z.infer<typeof BackgroundToPanelSchema>;
