import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { SamplingRefusedError } from '../../sampling/sampling-errors';
import { admitSampling } from '../../sampling/admit-sampling';
import type { SamplingRateLimit } from '../../sampling/sampling-rate-limit';
import { replyToSdk } from '../reply-to-sdk';
import type { ServerRequestRegistrar } from '../serve-server-requests';
import type { ServerRequestSettlement } from '../../contract/server-request-reply';
import { refusedSettlement } from './sampling-settlements';

/**
 * `sampling/createMessage` on every client: the request is stored for the person (a card), and
 * the SDK handler waits for their answer. One rate limit for all clients of the background. A request refused at once (over the rate
 * limit, breaking the spec's tool-use rules) is still stored, audited and shown, as refused.
 */
export function samplingRegistrar(rateLimit: SamplingRateLimit): ServerRequestRegistrar {
  return (client, { broker, connector, cancellable }) => {
    client.setRequestHandler(CreateMessageRequestSchema, async (request, extra) => {
      const { id, label } = connector();
      let refuse: ServerRequestSettlement | undefined;
      try {
        admitSampling(rateLimit, { connectorId: id, connectorLabel: label, conversationId: null, params: request.params });
      } catch (error) {
        if (!(error instanceof SamplingRefusedError)) throw error;
        refuse = refusedSettlement(error);
      }
      const reply = await cancellable(extra, (signal) =>
        broker.open({
          connectorId: id,
          connectorLabel: label,
          kind: 'sampling',
          params: request.params as Record<string, unknown>,
          rpcRequestId: extra.requestId,
          signal,
          ...(refuse ? { refuse } : {}),
        }),
      );
      return replyToSdk(reply);
    });
  };
}
