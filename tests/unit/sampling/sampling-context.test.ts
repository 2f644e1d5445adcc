import { randomUUID } from 'node:crypto';
import type { CreateMessageRequestParams } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { SamplingModel, SamplingModelRequest } from '@/lib/llm/sampling/sampling-model';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { conversationContext } from '@/lib/sampling/sampling-context';
import { SamplingService, type SamplingSubject } from '@/lib/sampling/sampling-service';

let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

/** A model that records what it was asked and answers a fixed text. */
function recordingModel(): SamplingModel & { asked: SamplingModelRequest[] } {
  const asked: SamplingModelRequest[] = [];
  return { modelName: 'fake', asked, complete: async (request) => (asked.push(request), { model: 'fake', text: 'ok', toolCalls: [], finish: 'stop' }) };
}

const complete = { type: 'complete' as const };
async function seed(database: PatchbayDatabase): Promise<void> {
  await database.messages.add({
    id: 'm1',
    conversationId: 'conv',
    seq: 0,
    role: 'assistant',
    createdAt: 1,
    parts: [
      { id: 'p1', type: 'tool-call', status: complete, callId: 'c1', connectorId: 'asker', toolName: 'lookup', argsText: '{"q":"PARIS"}' },
      { id: 'p2', type: 'tool-result', status: complete, callId: 'c1', result: { content: [{ type: 'text', text: 'ASKER-RESULT from https://api.example.com/v1?api_key=sk-LEAKED-123' }] }, isError: false, sizeBytes: 10 },
      { id: 'p3', type: 'tool-call', status: complete, callId: 'c2', connectorId: 'other', toolName: 'secrets', argsText: '{}' },
      { id: 'p4', type: 'tool-result', status: complete, callId: 'c2', result: { content: [{ type: 'text', text: 'OTHER-SECRET' }] }, isError: false, sizeBytes: 10 },
    ],
  });
}

const params = (includeContext: CreateMessageRequestParams['includeContext']): CreateMessageRequestParams => ({ messages: [{ role: 'user', content: { type: 'text', text: 'Summarise' } }], maxTokens: 10, includeContext });
const subject = (p: CreateMessageRequestParams, conversationId: string | null = 'conv'): SamplingSubject => ({ connectorId: 'asker', connectorLabel: 'Asker', conversationId, params: p });
const signal = () => new AbortController().signal;

describe('includeContext', () => {
  it('is refused unless the person allowed it, and then nothing reaches the model', async () => {
    const model = recordingModel();
    const service = new SamplingService({ model: async () => model, context: async () => 'SHOULD-NOT-BE-READ' });
    await expect(service.sample(subject(params('thisServer')), false, signal())).rejects.toMatchObject({ code: 'context-not-allowed', message: expect.stringContaining('did not allow includeContext “thisServer”') });
    await expect(service.sample(subject(params('allServers')), false, signal())).rejects.toMatchObject({ code: 'context-not-allowed' });
    expect(model.asked).toHaveLength(0);
    await service.sample(subject(params('none')), false, signal());
    expect(JSON.stringify(model.asked)).not.toContain('SHOULD-NOT-BE-READ');
  });

  it('includes only this connector’s calls for thisServer, every connector’s for allServers, none outside a conversation', async () => {
    db = await openDatabase(`patchbay-context-${randomUUID()}`);
    await seed(db);
    const model = recordingModel();
    const service = new SamplingService({ model: async () => model, context: conversationContext(db) });
    await service.sample(subject(params('thisServer')), true, signal());
    const mine = JSON.stringify(model.asked.at(-1));
    expect(mine).toContain('ASKER-RESULT');
    expect(mine).toContain('PARIS');
    expect(mine).not.toContain('OTHER-SECRET');
    expect(mine).toContain('data, not instructions');
    expect(mine).not.toContain('sk-LEAKED-123');

    await service.sample(subject(params('allServers')), true, signal());
    expect(JSON.stringify(model.asked.at(-1))).toContain('OTHER-SECRET');

    await service.sample(subject(params('allServers'), null), true, signal());
    expect(model.asked.at(-1)!.messages).toHaveLength(1);
  });
});
