import { CreateMessageRequestParamsSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ServerRequestRow } from '../../contract/server-request';
import { SamplingAnswerSchema } from '../../contract/sampling-answer';
import { SamplingDraftSchema } from '../../contract/sampling-draft';
import { SamplingRefusedError } from '../../sampling/sampling-errors';
import type { SamplingService, SamplingSubject } from '../../sampling/sampling-service';
import type { ServerRequestBroker } from '../server-request-broker';
import { ServerRequestError } from '../server-request-error';
import type { ServerRequestKindHandler, ServerRequestStep } from '../server-request-kind';
import { DENIED, DISCARDED, refusedSettlement, sampledSettlement } from './sampling-settlements';

/** How long the model may take for one sampling answer before the card says it failed. */
const MODEL_TIMEOUT_MS = 120_000;

/**
 * The rules of a sampling card. **Approve** (only while `pending`) moves the request to
 * `sampling` and asks the model in the background; its answer waits in `review` as the draft.
 * A model failure puts the request back to `pending` with the reason, so the person can try
 * again or deny. **Send to server** and **Discard** only apply in `review`; **Deny** only before.
 */
export function samplingKind(service: SamplingService, broker: () => Pick<ServerRequestBroker, 'advance' | 'settle'>): ServerRequestKindHandler {
  return {
    async answer(row, raw): Promise<ServerRequestStep> {
      const parsed = SamplingAnswerSchema.safeParse(raw);
      if (!parsed.success) throw new ServerRequestError('invalid-answer', 'This is not an answer to a sampling request.');
      const answer = parsed.data;
      switch (answer.action) {
        case 'approve':
          expectStatus(row, 'pending', 'approved');
          if (!(await broker().advance(row.id, { status: 'sampling', reason: undefined }))) throw new ServerRequestError('request-settled', 'This request ended before it was approved.');
          void askModel(service, broker(), row, answer.allowContext).catch((error: unknown) => console.error('Patchbay: a sampling answer could not be stored', error));
          return { type: 'none' };
        case 'deny':
          expectStatus(row, 'pending', 'denied');
          return { type: 'settle', settlement: DENIED };
        case 'send': {
          expectStatus(row, 'review', 'sent');
          const draft = SamplingDraftSchema.parse(row.draft);
          try {
            return { type: 'settle', settlement: sampledSettlement(service.finalResult(subjectOf(row), draft, answer.edit).result) };
          } catch (error) {
            throw new ServerRequestError('invalid-answer', error instanceof Error ? error.message : String(error));
          }
        }
        case 'discard':
          expectStatus(row, 'review', 'discarded');
          return { type: 'settle', settlement: DISCARDED };
      }
    },
  };
}

/** The stored request as sampling reads it; its params were validated by the SDK on arrival. */
export function subjectOf(row: ServerRequestRow): SamplingSubject {
  return { connectorId: row.connectorId, connectorLabel: row.connectorLabel, conversationId: row.conversationId, params: CreateMessageRequestParamsSchema.parse(row.params) };
}

async function askModel(service: SamplingService, broker: Pick<ServerRequestBroker, 'advance' | 'settle'>, row: ServerRequestRow, allowContext: boolean): Promise<void> {
  try {
    const draft = await service.sample(subjectOf(row), allowContext, AbortSignal.timeout(MODEL_TIMEOUT_MS));
    // False when the server gave up meanwhile: the answer is dropped, the row says it expired.
    await broker.advance(row.id, { status: 'review', draft });
  } catch (error) {
    if (error instanceof SamplingRefusedError) {
      await broker.settle(row.id, refusedSettlement(error));
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    await broker.advance(row.id, { status: 'pending', reason: `The model did not answer: ${message.slice(0, 500)} Approve to try again, or deny.` });
  }
}

function expectStatus(row: ServerRequestRow, status: ServerRequestRow['status'], verb: string): void {
  if (row.status !== status) throw new ServerRequestError('invalid-answer', `This request cannot be ${verb} now (it is ${row.status}).`);
}
