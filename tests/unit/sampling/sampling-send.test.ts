import type { CreateMessageRequestParams } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { InvalidEditedArgumentsError } from '@/lib/chat/run-errors';
import { draftFromAnswer } from '@/lib/sampling/sampling-draft';
import { SamplingService } from '@/lib/sampling/sampling-service';
import { samplingToolNames } from '@/lib/sampling/sampling-tool-names';

const params: CreateMessageRequestParams = {
  maxTokens: 50,
  messages: [{ role: 'user', content: { type: 'text', text: 'Delete the old branch' } }],
  tools: [{ name: 'delete_branch', inputSchema: { type: 'object', properties: { branch: { type: 'string' } }, required: ['branch'] }, annotations: { destructiveHint: true } }],
};
const names = samplingToolNames(params, 'Git');
const draft = draftFromAnswer(params, { model: 'm', text: 'Deleting.', toolCalls: [{ callId: 'u1', name: names.toModel('delete_branch'), argsText: '{"branch":"old"}' }], finish: 'tool-calls' }, names);
const service = new SamplingService({ model: async () => Promise.reject(new Error('no model needed')) });
const subject = { connectorId: 'git', connectorLabel: 'Git', conversationId: null, params };

describe('Send to server', () => {
  it('sends the edited text and the edited tool input as the spec’s tool_use, flagged destructive on the card', () => {
    expect(draft.toolUses[0]).toMatchObject({ name: 'delete_branch', risk: 'destructive', problems: [] });
    const { result } = service.finalResult(subject, draft, { text: 'Deleting, as asked.', toolInputs: { u1: { branch: 'older' } } });
    expect(result).toEqual({
      role: 'assistant',
      model: 'm',
      stopReason: 'toolUse',
      content: [
        { type: 'text', text: 'Deleting, as asked.' },
        { type: 'tool_use', id: 'u1', name: 'delete_branch', input: { branch: 'older' } },
      ],
    });
  });

  it('refuses an edited input that breaks the tool’s schema, and sends nothing', () => {
    expect(() => service.finalResult(subject, draft, { text: 'x', toolInputs: { u1: { branch: 7 } } })).toThrow(InvalidEditedArgumentsError);
  });

  it('ignores an edit for a tool use the model never made: the panel cannot add a call', () => {
    const { result } = service.finalResult(subject, draft, { text: 'x', toolInputs: { u1: { branch: 'old' }, forged: { branch: 'main' } } });
    expect(JSON.stringify(result)).not.toContain('forged');
    expect(JSON.stringify(result)).not.toContain('main');
  });

  it('refuses to send a tool use for a tool the server did not offer', () => {
    const rogue = draftFromAnswer(params, { model: 'm', text: '', toolCalls: [{ callId: 'u9', name: 'Git__push_force', argsText: '{}' }], finish: 'tool-calls' }, names);
    expect(() => service.finalResult(subject, rogue, { text: '', toolInputs: {} })).toThrow(/offered no tool named “Git__push_force”/);
  });

  it('without tools, sends one text block, as the older result shape requires', () => {
    const plain = { ...params, tools: undefined };
    const textDraft = draftFromAnswer(plain, { model: 'm', text: 'hi', toolCalls: [], finish: 'length' }, samplingToolNames(plain, 'Git'));
    expect(service.finalResult({ ...subject, params: plain }, textDraft, { text: 'hello', toolInputs: {} }).result).toEqual({ role: 'assistant', model: 'm', stopReason: 'maxTokens', content: { type: 'text', text: 'hello' } });
  });
});
