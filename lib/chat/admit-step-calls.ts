import type { MessagePart } from '../db/message-parts';
import type { ModelToolSet } from '../llm/model-tools';
import { admitToolCall, rejectToolCall, type AdmissionContext, type ModelToolCall } from './admit-tool-call';
import { callIdProblem, providerIdsIn, syntheticProviderId } from './call-ids';
import { answerSearchCall, isSearchCall } from './search-tools-call';

/**
 * Admits the calls of one model step in order. The model's ids are not trusted: one that is empty,
 * absurdly long, repeated in the step or already used in the conversation ends as a tool error
 * (answered under a synthetic id, so the round trip stays valid). Every call, admitted or not, gets
 * its own unique `callId`, which is all that approvals, results and the panel ever match on.
 */
export async function admitStepCalls(calls: readonly ModelToolCall[], tools: ModelToolSet, context: AdmissionContext): Promise<MessagePart[]> {
  const inConversation = providerIdsIn(context.history);
  const inStep = new Set<string>();
  const admitted: MessagePart[] = [];
  for (const call of calls) {
    const problem = callIdProblem(call.callId, { inStep, inConversation });
    if (problem) {
      const synthetic = syntheticProviderId(new Set([...inConversation, ...inStep]));
      inStep.add(synthetic);
      admitted.push(...rejectToolCall(call, tools, problem, synthetic));
      continue;
    }
    inStep.add(call.callId);
    const offered = tools.find(call.name);
    if (offered && isSearchCall({ connectorId: offered.connectorId, toolName: offered.tool.name })) {
      admitted.push(...answerSearchCall(call, tools));
      continue;
    }
    admitted.push(...(await admitToolCall(call, tools, context)));
  }
  return admitted;
}
