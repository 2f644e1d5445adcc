import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Protocol } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ElicitResultSchema, ElicitationCompleteNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { RequestExtra, ServerRequestRegistrar } from '../serve-server-requests';
import { replyToSdk } from '../reply-to-sdk';
import { elicitationArrival } from './elicitation-arrival';
import type { UrlCompletions } from './url-completions';

/** The host of a server URL, or none when it does not parse. */
export function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).hostname : undefined;
}

/** `elicitation/create` with its params as sent, so a schema the spec does not allow still reaches the broker. */
const RawElicitRequestSchema = z.object({ method: z.literal('elicitation/create'), params: z.record(z.string(), z.unknown()) });

/**
 * Elicitation's SDK handlers on a new client. The request handler is set on the base Protocol on
 * purpose: the SDK Client's own wrapper rejects a schema the spec does not allow with a -32602
 * that no person ever sees; here such a form is stored, shown as refused with the reasons, and
 * answered `decline`. Everything the wrapper checks is still checked (mode, params, the result).
 */
export function elicitationRegistrar(completions: UrlCompletions): ServerRequestRegistrar {
  return (client: Client, { broker, connector, cancellable }) => {
    const handle = (request: z.infer<typeof RawElicitRequestSchema>, extra: RequestExtra) =>
      cancellable(extra, async (signal) => {
        const arrival = elicitationArrival(request.params);
        const { id, label, url } = connector();
        const reply = await broker.open({ connectorId: id, connectorLabel: label, serverHost: hostOf(url), ...arrival, rpcRequestId: extra.requestId, signal });
        return ElicitResultSchema.parse(replyToSdk(reply));
      });
    Protocol.prototype.setRequestHandler.call(client, RawElicitRequestSchema as never, handle as never);
    client.setNotificationHandler(ElicitationCompleteNotificationSchema, (notification) => {
      void completions.completed(connector().id, notification.params.elicitationId).catch((error: unknown) => console.error('Patchbay: could not record a completed URL elicitation', error));
    });
  };
}
