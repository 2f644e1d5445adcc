import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createContextCommandHandlers, type ContextCommandHandlers } from '@/lib/background/context-command-handlers';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { HubHarness, waitFor } from './connector-hub-harness';

// Prompts, resources, templates, completion and subscriptions against the real server-everything.
describe('context commands against server-everything', () => {
  let server: RunningServer;
  let harness: HubHarness;
  let handlers: ContextCommandHandlers;
  let id: string;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    harness = await HubHarness.create();
    id = await harness.add('Everything', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
    handlers = createContextCommandHandlers({ hub: harness.hub, connectors: harness.connectors });
  });
  afterEach(() => harness.close());

  it('stores the negotiated version, the capabilities and the instructions from the handshake', async () => {
    const row = (await harness.connectors.get(id))!;
    expect(row.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.capabilities).toMatchObject({ prompts: {}, resources: { subscribe: true }, completions: {} });
    expect(row.instructions).toEqual(expect.any(String));
    expect(row.instructions!.length).toBeGreaterThan(20);
  });

  it('lists prompts with their arguments and renders one with arguments', async () => {
    const { prompts } = await handlers['prompts.list']({ connectorId: id });
    const args = prompts.find((prompt) => prompt.name === 'args-prompt');
    expect(args?.arguments).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'city', required: true })]));
    const rendered = await handlers['prompts.get']({ connectorId: id, name: 'args-prompt', arguments: { city: 'Lyon', state: 'Rhône' } });
    expect(rendered).toEqual({ text: "What's weather in Lyon, Rhône?", attachments: [] });
  });

  it('renders a prompt’s embedded resource as attached context marked as from the prompt', async () => {
    const rendered = await handlers['prompts.get']({ connectorId: id, name: 'resource-prompt', arguments: { resourceType: 'Text', resourceId: '3' } });
    expect(rendered.attachments).toHaveLength(1);
    expect(rendered.attachments[0]).toMatchObject({
      source: { kind: 'prompt', connectorId: id, promptName: 'resource-prompt' },
      text: expect.stringContaining('Resource 3'),
    });
  });

  it('completes a prompt argument, using the other arguments as context', async () => {
    expect(await handlers['completion.complete']({ connectorId: id, ref: { type: 'ref/prompt', name: 'completable-prompt' }, argument: { name: 'department', value: 'En' } })).toEqual({
      values: ['Engineering'],
      hasMore: false,
    });
    const names = await handlers['completion.complete']({
      connectorId: id,
      ref: { type: 'ref/prompt', name: 'completable-prompt' },
      argument: { name: 'name', value: '' },
      context: { department: 'Sales' },
    });
    expect(names.values).toEqual(['David', 'Eve', 'Frank']);
  });

  it('lists resources and templates page by page, and reads text and blob contents', async () => {
    const first = await handlers['resources.list']({ connectorId: id });
    expect(first.resources.length).toBeGreaterThan(0);
    const { resourceTemplates } = await handlers['resources.templates']({ connectorId: id });
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(expect.arrayContaining(['demo://resource/dynamic/text/{resourceId}']));
    const text = await handlers['resources.read']({ connectorId: id, uri: 'demo://resource/dynamic/text/7' });
    expect(text.contents[0]).toMatchObject({ kind: 'text', text: expect.stringContaining('Resource 7'), truncated: false });
    const blob = await handlers['resources.read']({ connectorId: id, uri: 'demo://resource/dynamic/blob/7' });
    expect(blob.contents[0]).toMatchObject({ kind: 'blob', base64: expect.any(String) });
  });

  it('attaches a resource, subscribes to it, and hears when the server updates it', async () => {
    const attached = await handlers['resources.attach']({ connectorId: id, uri: 'demo://resource/dynamic/text/2' });
    expect(attached.subscribed).toBe(true);
    expect(attached.attachments[0]).toMatchObject({ name: '2', source: { kind: 'resource', connectorId: id, uri: 'demo://resource/dynamic/text/2' }, mimeType: 'text/plain' });
    await harness.hub.callTool(id, 'toggle-subscriber-updates', {}, {});
    const notice = await waitFor(() => harness.notices.get(id)?.find((n) => n.kind === 'resource-updated'), 'a resource update', 8_000);
    expect(notice).toEqual({ kind: 'resource-updated', uri: 'demo://resource/dynamic/text/2' });
    await handlers['resources.unsubscribe']({ connectorId: id, uri: 'demo://resource/dynamic/text/2' });
    await harness.hub.callTool(id, 'toggle-subscriber-updates', {}, {});
  });

  it('reports a server error for an unknown prompt as a failure, not a result', async () => {
    await expect(handlers['prompts.get']({ connectorId: id, name: 'no-such-prompt', arguments: {} })).rejects.toThrow();
  });
});
