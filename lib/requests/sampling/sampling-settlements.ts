import type { CreateMessageResult, CreateMessageResultWithTools } from '@modelcontextprotocol/sdk/types.js';
import type { ServerRequestSettlement } from '../../contract/server-request-reply';
import { SamplingRefusedError } from '../../sampling/sampling-errors';

/** The person read the request and said no: the spec's "user rejected" error. */
export const DENIED: ServerRequestSettlement = refusal('denied', new SamplingRefusedError('denied', 'The person using Patchbay denied this sampling request.'));

/** The model answered, and the person chose not to send it. */
export const DISCARDED: ServerRequestSettlement = refusal('discarded', new SamplingRefusedError('discarded', 'The person using Patchbay discarded the model’s answer instead of sending it.'));

/** Patchbay refused the request (a loop, a malformed request, context not allowed): the reason is the error's message. */
export function refusedSettlement(error: SamplingRefusedError): ServerRequestSettlement {
  return refusal('refused', error);
}

/** The reviewed answer, sent as the JSON-RPC result (and kept whole in the row and the audit). */
export function sampledSettlement(result: CreateMessageResult | CreateMessageResultWithTools): ServerRequestSettlement {
  return { outcome: 'sampled', reply: { type: 'result', result } };
}

function refusal(outcome: 'denied' | 'discarded' | 'refused', error: SamplingRefusedError): ServerRequestSettlement {
  return { outcome, reply: { type: 'error', code: error.toMcpError().code, message: error.message }, reason: error.message };
}
