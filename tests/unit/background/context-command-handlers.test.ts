import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { createContextCommandHandlers, MAX_LIST_PAGE } from '@/lib/background/context-command-handlers';
import type { ConnectorRow } from '@/lib/db/rows';
import { connectorRow } from '../chat/engine-harness';

/** A hub whose one client records the requests it is asked to send and answers each from `answers`. */
function fakeHub(answers: Record<string, unknown>) {
  const sent: string[] = [];
  const client = new Proxy({} as Client, {
    get: (_, method: string) => async () => {
      sent.push(method);
      if (!(method in answers)) throw new Error(`unexpected ${method}`);
      return answers[method];
    },
  });
  return { sent, hub: { request: <T,>(_id: string, run: (client: Client, options: object) => Promise<T>) => run(client, {}) } };
}

const rowWith = (capabilities: ConnectorRow['capabilities']): ConnectorRow => ({ ...connectorRow(), capabilities });

describe('context commands only ask what the server declared', () => {
  it('answers no completions, without a request, from a server that declared none', async () => {
    const { sent, hub } = fakeHub({});
    const handlers = createContextCommandHandlers({ hub, connectors: { get: async () => rowWith({ prompts: {} }) } });
    expect(await handlers['completion.complete']({ connectorId: 'conn-1', ref: { type: 'ref/prompt', name: 'p' }, argument: { name: 'a', value: 'x' } })).toEqual({ values: [], hasMore: false });
    expect(sent).toEqual([]);
  });

  it('lists no prompts or resources, without a request, for a server that declared none', async () => {
    const { sent, hub } = fakeHub({});
    const handlers = createContextCommandHandlers({ hub, connectors: { get: async () => rowWith({ tools: {} }) } });
    expect(await handlers['prompts.list']({ connectorId: 'conn-1' })).toEqual({ prompts: [] });
    expect(await handlers['resources.list']({ connectorId: 'conn-1' })).toEqual({ resources: [] });
    expect(await handlers['resources.templates']({ connectorId: 'conn-1' })).toEqual({ resourceTemplates: [] });
    expect(sent).toEqual([]);
  });

  it('caps a flood of completions at 100 and says there are more', async () => {
    const { hub } = fakeHub({ complete: { completion: { values: Array.from({ length: 500 }, (_, i) => `v${i}`) } } });
    const handlers = createContextCommandHandlers({ hub, connectors: { get: async () => rowWith({ completions: {} }) } });
    const answer = await handlers['completion.complete']({ connectorId: 'conn-1', ref: { type: 'ref/prompt', name: 'p' }, argument: { name: 'a', value: '' } });
    expect(answer.values).toHaveLength(100);
    expect(answer.hasMore).toBe(true);
  });

  it('attaches without subscribing where the server offers no subscriptions', async () => {
    const { sent, hub } = fakeHub({ readResource: { contents: [{ uri: 'file:///a/b%20c.md', text: 'hello' }] } });
    const handlers = createContextCommandHandlers({ hub, connectors: { get: async () => rowWith({ resources: {} }) } });
    const attached = await handlers['resources.attach']({ connectorId: 'conn-1', uri: 'file:///a/b%20c.md' });
    expect(attached).toMatchObject({ subscribed: false, attachments: [{ name: 'b c.md', text: 'hello' }] });
    expect(sent).toEqual(['readResource']);
  });

  it('subscribes where the server declared resources.subscribe', async () => {
    const { sent, hub } = fakeHub({ readResource: { contents: [{ uri: 'x:1', text: 'v' }] }, subscribeResource: {} });
    const handlers = createContextCommandHandlers({ hub, connectors: { get: async () => rowWith({ resources: { subscribe: true } }) } });
    expect((await handlers['resources.attach']({ connectorId: 'conn-1', uri: 'x:1', name: 'One' })).subscribed).toBe(true);
    expect(sent).toEqual(['readResource', 'subscribeResource']);
  });

  it('shows at most one page’s worth of a flooded list, and passes the cursor on', async () => {
    const prompts = Array.from({ length: MAX_LIST_PAGE + 50 }, (_, i) => ({ name: `p${i}` }));
    const { hub } = fakeHub({ listPrompts: { prompts, nextCursor: 'next' } });
    const handlers = createContextCommandHandlers({ hub, connectors: { get: async () => rowWith({ prompts: {} }) } });
    const page = await handlers['prompts.list']({ connectorId: 'conn-1' });
    expect(page.prompts).toHaveLength(MAX_LIST_PAGE);
    expect(page.nextCursor).toBe('next');
  });

  it('refuses a connector that does not exist', async () => {
    const { hub } = fakeHub({});
    const handlers = createContextCommandHandlers({ hub, connectors: { get: async () => undefined } });
    await expect(handlers['resources.subscribe']({ connectorId: 'gone', uri: 'x:1' })).rejects.toThrow(/No connector with id gone/);
  });
});
