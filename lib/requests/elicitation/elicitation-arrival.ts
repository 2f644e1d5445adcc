import { ElicitRequestURLParamsSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { elicitationFormOf } from '../../contract/elicitation-form';
import type { ServerRequestReply } from '../../contract/server-request-reply';
import type { IncomingServerRequest } from '../server-request-broker';

const DECLINE: ServerRequestReply = { type: 'result', result: { action: 'decline' } };

/** The most of a server's message kept for the card (the whole of it stays in the protocol log). */
export const MAX_MESSAGE_CHARS = 4_000;

/** Only these open in a tab; a server's `javascript:`, `data:`, `file:` or extension link never does. */
export function isOpenableUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}

/**
 * What the broker is handed for an `elicitation/create`, as it arrived (before the SDK's own
 * checks, which would answer a schema the spec does not allow with an error nobody sees): a form
 * or a URL to show, or, for a form Patchbay cannot show or a link it will not open, a request
 * stored already refused, with the reasons, and answered `decline`. A request that is not an
 * elicitation at all (no message, an unknown mode) is a JSON-RPC error, as the SDK would send.
 */
export function elicitationArrival(params: Record<string, unknown>): Pick<IncomingServerRequest, 'kind' | 'params' | 'refuse'> {
  const mode = params.mode ?? 'form';
  if (typeof params.message !== 'string') throw new McpError(ErrorCode.InvalidParams, 'Invalid elicitation request: message must be text.');
  const message = params.message.slice(0, MAX_MESSAGE_CHARS);
  if (mode === 'url') {
    const parsed = ElicitRequestURLParamsSchema.safeParse(params);
    if (!parsed.success) throw new McpError(ErrorCode.InvalidParams, 'Invalid URL elicitation request: it needs a message, an elicitationId and a URL.');
    const shown = { mode: 'url', message, elicitationId: parsed.data.elicitationId, url: parsed.data.url };
    if (isOpenableUrl(parsed.data.url)) return { kind: 'elicitation-url', params: shown };
    return { kind: 'elicitation-url', params: shown, refuse: { outcome: 'refused', reply: DECLINE, reason: `Patchbay opens only http and https links, so this ${new URL(parsed.data.url).protocol} link was declined.` } };
  }
  if (mode !== 'form') throw new McpError(ErrorCode.InvalidParams, 'Invalid elicitation request: the mode must be form or url.');
  const shown = { mode: 'form', message, requestedSchema: params.requestedSchema ?? null };
  const form = elicitationFormOf(params.requestedSchema);
  if (form.ok) return { kind: 'elicitation-form', params: shown };
  return {
    kind: 'elicitation-form',
    params: shown,
    refuse: { outcome: 'refused', reply: DECLINE, reason: `Patchbay cannot show this form, so it was declined: ${form.problems.join(' ')} The MCP spec allows only flat fields of text, numbers, true/false and choices.` },
  };
}
