import { afterEach, describe, expect, it } from 'vitest';
import { byType, startWithFakeModel, type Harness } from './engine-harness';
import { text, type FakeModel } from './fake-model';

describe('a conversation that selects a corrupt connector row', () => {
  let h: Harness;
  let model: FakeModel;
  afterEach(async () => h.close());

  it('still runs with its other connectors; the corrupt one is left out of the tools', async () => {
    ({ h, model } = await startWithFakeModel());
    await h.db.connectors.put({ id: 'broken', label: 'Broken', url: 'not a url', tools: 'many' } as never);
    await h.store.conversations.update(h.conversationId, { connectorIds: ['conn-1', 'broken'] });
    model.script(text('Hello.'));
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    const parts = await h.lastParts();
    expect(byType(parts, 'error')).toEqual([]);
    expect(byType(parts, 'text').map((part) => part.text)).toEqual(['Hello.']);
    expect(model.requests[0]!.tools.map((tool) => tool.name).sort()).toEqual(['Files__read_file', 'Files__write_file']);
  });
});
