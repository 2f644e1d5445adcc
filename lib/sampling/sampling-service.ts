import { CreateMessageResultSchema, CreateMessageResultWithToolsSchema, type CreateMessageRequestParams, type CreateMessageResult, type CreateMessageResultWithTools } from '@modelcontextprotocol/sdk/types.js';
import type { SamplingDraft, SamplingEdit } from '../contract/sampling-draft';
import { SamplingUnsupportedContentError } from '../llm/sampling/sampling-model-errors';
import type { SamplingModel } from '../llm/sampling/sampling-model';
import { InvalidEditedArgumentsError } from '../chat/run-errors';
import { applyEdit, draftFromAnswer } from './sampling-draft';
import { SamplingRefusedError } from './sampling-errors';
import { toSamplingModelRequest } from './sampling-model-request';
import { samplingToolNames } from './sampling-tool-names';

/** The scope a server asked context for, when it asked (the spec's soft-deprecated values). */
export type ContextScope = 'thisServer' | 'allServers';

/** What sampling needs from the background: the user's model now, and (if allowed) context to include. */
export interface SamplingServiceDeps {
  model(): Promise<SamplingModel>;
  /** Text of what the person allowed to include for `includeContext`; empty when there is none. */
  context?(conversationId: string | null, connectorId: string, scope: ContextScope): Promise<string>;
}

/** The request as sampling reads a stored row of it. */
export interface SamplingSubject {
  connectorId: string;
  connectorLabel: string;
  /** The conversation it is shown in, whose tool calls `includeContext` may draw on (null: none). */
  conversationId: string | null;
  params: CreateMessageRequestParams;
}

/**
 * The moments of a sampling request after it was admitted (see `admitSampling`), whatever stores
 * it: on **Approve** (`sample`: the model's answer as a draft) and on **Send to server**
 * (`finalResult`: the reviewed answer, checked). A "no" to the server is a `SamplingRefusedError`
 * whose message the server, the card and the audit share.
 */
export class SamplingService {
  constructor(private readonly deps: SamplingServiceDeps) {}

  /** `allowContext`: the person ticked the card's box for the `includeContext` the server asked for. */
  async sample(subject: SamplingSubject, allowContext: boolean, signal: AbortSignal): Promise<SamplingDraft> {
    const { params, connectorLabel } = subject;
    const scope = contextScope(params);
    if (scope && !allowContext) {
      throw new SamplingRefusedError('context-not-allowed', `The person did not allow includeContext “${scope}”: Patchbay sends no context from its connectors unless they allow it on the card.`);
    }
    const context = scope && this.deps.context ? await this.deps.context(subject.conversationId, subject.connectorId, scope) : '';
    const names = samplingToolNames(params, connectorLabel);
    const request = toSamplingModelRequest(params, names, connectorLabel, context);
    const model = await this.deps.model();
    try {
      return draftFromAnswer(params, await model.complete(request, signal), names);
    } catch (error) {
      if (error instanceof SamplingUnsupportedContentError) throw new SamplingRefusedError('unsupported-content', error.message);
      throw error;
    }
  }

  /** The answer to send after review; refused (nothing sent, the draft kept) while a tool use has problems. */
  finalResult(subject: SamplingSubject, draft: SamplingDraft, edit: SamplingEdit): { draft: SamplingDraft; result: CreateMessageResult | CreateMessageResultWithTools } {
    const edited = applyEdit(draft, edit, subject.params);
    const broken = edited.toolUses.find((use) => use.problems.length > 0);
    if (broken) throw new InvalidEditedArgumentsError(broken.name, broken.problems);
    const result = edited.withTools ? CreateMessageResultWithToolsSchema.parse(edited.result) : CreateMessageResultSchema.parse(edited.result);
    return { draft: edited, result };
  }
}

function contextScope(params: Pick<CreateMessageRequestParams, 'includeContext'>): ContextScope | null {
  switch (params.includeContext) {
    case undefined:
    case 'none':
      return null;
    case 'thisServer':
    case 'allServers':
      return params.includeContext;
  }
}
