import type { ConversationExport } from '@/lib/chat/conversation-export';
import type { MessageRow } from '@/lib/db/rows';

const COMPLETE = { type: 'complete' as const };

/** A conversation that uses every part type, an incomplete status and a usage field. */
export function sampleExport(id = 'conv-1'): ConversationExport {
  const messages: MessageRow[] = [
    { id: 'm0', conversationId: id, seq: 0, role: 'user', createdAt: 1_000, parts: [{ id: 'p0', type: 'text', text: 'List my issues', status: COMPLETE }] },
    {
      id: 'm1',
      conversationId: id,
      seq: 1,
      role: 'assistant',
      createdAt: 1_100,
      usage: { inputTokens: 120, outputTokens: 45 },
      parts: [
        { id: 'p1', type: 'reasoning', text: 'The user wants issues.\nCall the tool.', status: COMPLETE },
        {
          id: 'p2',
          type: 'tool-call',
          status: COMPLETE,
          callId: 'call-1',
          connectorId: 'conn-gone',
          toolName: 'list_issues',
          argsText: '{"state":"open"}',
          args: { state: 'open' },
          toolFingerprint: 'fp',
          startedAt: 1_101,
          endedAt: 1_102,
        },
        { id: 'p3', type: 'approval', status: COMPLETE, callId: 'call-1', decision: 'allow', remembered: false, decidedAt: 1_101 },
        {
          id: 'p4',
          type: 'tool-result',
          status: COMPLETE,
          callId: 'call-1',
          result: { content: [{ type: 'text', text: 'two issues' }], structuredContent: { count: 2, nested: { ok: true } } },
          isError: false,
          sizeBytes: 99,
        },
        { id: 'p5', type: 'text', text: 'You have two', status: { type: 'incomplete', reason: { code: 'cancelled', message: 'Stopped by the user.' } } },
        { id: 'p6', type: 'error', code: 'step-limit', message: 'Too many steps.', status: COMPLETE },
      ],
    },
  ];
  return {
    format: 'patchbay.conversation',
    version: 1,
    exportedAt: 2_000,
    conversation: { id, title: 'Issues', connectorIds: ['conn-gone'], model: { baseUrl: 'http://localhost:11434/v1', model: 'qwen' }, createdAt: 900, updatedAt: 1_200 },
    messages,
  };
}
