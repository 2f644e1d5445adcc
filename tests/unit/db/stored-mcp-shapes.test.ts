import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { DecisionsRepository } from '@/lib/db/repositories/decisions-repository';
import { MessagesRepository } from '@/lib/db/repositories/messages-repository';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';
import { ToolChangeSchema } from '@/lib/contract/tool-diff';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-stored-mcp-${++counter}`);
});
afterEach(() => db.close());

const complete = { type: 'complete' } as const;
const goodTool = { name: 'read_file', description: 'Reads', inputSchema: { type: 'object', properties: { path: { type: 'string' } } }, annotations: { readOnlyHint: true } };
// What an older build, a bug or a hand edit could leave: no input schema, a name that is no string.
const oldShapeTools = [goodTool, { name: 'no_schema', description: 'old' }, { name: 42, inputSchema: { type: 'object' } }];

describe('stored MCP shapes are the SDK types, and an old row that does not fit stays readable', () => {
  it('keeps a connector whose cached tool list holds tools that no longer fit, leaving those tools out', async () => {
    await db.connectors.put({ ...newConnectorRow('c1', 1), label: 'Old', url: 'http://127.0.0.1:1/mcp', tools: oldShapeTools } as never);
    const row = await new ConnectorsRepository(db).get('c1');
    expect(row).toBeDefined();
    expect(row!.tools).toEqual([goodTool]);
    // Typed as the SDK's Tool: no cast needed to read its annotations.
    expect(row!.tools[0]!.annotations?.readOnlyHint).toBe(true);
    expect((await new ConnectorsRepository(db).survey()).corrupt).toEqual([]);
  });

  it('replaces a stored tool result that is not a CallToolResult by an error result that says why, keeping the message', async () => {
    await db.conversations.put({ id: 'conv', title: 't', connectorIds: [], model: null, createdAt: 1, updatedAt: 1 });
    await db.messages.put({
      id: 'm1', conversationId: 'conv', seq: 0, role: 'assistant', createdAt: 1,
      parts: [
        { id: 'p1', type: 'text', text: 'Before', status: complete },
        { id: 'p2', type: 'tool-result', callId: 'k1', result: { content: 'not a list' }, isError: false, sizeBytes: 5, status: complete },
        { id: 'p3', type: 'tool-result', callId: 'k2', result: { content: [{ type: 'text', text: 'fine' }], structuredContent: { n: 1 } }, isError: false, sizeBytes: 9, status: complete },
        { id: 'p4', type: 'approval', callId: 'k1', decision: 'pending', remembered: false, shownTool: { title: 'no name' }, drift: { name: 'w', fields: [{ field: 'colour', before: 1, after: 2 }] }, status: { type: 'requires-action' } },
        { id: 'p5', type: 'approval', callId: 'k2', decision: 'pending', remembered: false, shownTool: goodTool, status: { type: 'requires-action' } },
      ],
    } as never);
    const [message] = await new MessagesRepository(db).page('conv', 10);
    const parts = message!.parts;
    expect(parts).toHaveLength(5);
    expect(parts[0]).toMatchObject({ type: 'text', text: 'Before' });
    const bad = parts[1]!;
    if (bad.type !== 'tool-result') throw new Error('expected a tool result');
    expect(bad.isError).toBe(true);
    expect(bad.result.isError).toBe(true);
    expect(bad.result.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/not a valid MCP tool result.*content/i) });
    expect(parts[2]).toMatchObject({ isError: false, result: { content: [{ type: 'text', text: 'fine' }], structuredContent: { n: 1 } } });
    expect(parts[3]).toMatchObject({ type: 'approval', callId: 'k1' });
    expect((parts[3] as { shownTool?: unknown }).shownTool).toBeUndefined();
    expect((parts[3] as { drift?: unknown }).drift).toBeUndefined();
    expect(parts[4]).toMatchObject({ type: 'approval', shownTool: goodTool });
  });

  it('reads a remembered decision whose tool snapshot no longer fits, without the snapshot', async () => {
    const base = { conversationId: 'conv', connectorId: 'c1', toolName: 'write', toolFingerprint: 'fp', decision: 'allow', scope: 'conversation', decidedAt: 1 };
    await db.decisions.put({ id: 'd1', ...base, toolSnapshot: { description: 'no name, no schema' } } as never);
    await db.decisions.put({ id: 'd2', ...base, decidedAt: 2, toolSnapshot: goodTool } as never);
    const rows = await new DecisionsRepository(db).forTool('conv', 'c1', 'write');
    expect(rows.map((row) => row.id).sort()).toEqual(['d1', 'd2']);
    expect(rows.find((row) => row.id === 'd1')!.toolSnapshot).toBeUndefined();
    expect(rows.find((row) => row.id === 'd2')!.toolSnapshot).toEqual(goodTool);
  });

  it('keeps a connector whose stored tool-list diff no longer fits, without the diff', async () => {
    const oldDiff = { added: ['a'], removed: [], changed: [{ name: 'read_file', fields: [{ field: 'colour', before: 1, after: 2 }] }] };
    await db.connectors.put({ ...newConnectorRow('c2', 1), label: 'Old diff', url: 'http://127.0.0.1:1/mcp', tools: [goodTool], toolChanges: oldDiff } as never);
    const row = await new ConnectorsRepository(db).get('c2');
    expect(row).toMatchObject({ id: 'c2', tools: [goodTool], toolChanges: null });
  });

  it('types a tool change by the field that changed, with the SDK shape of that field', () => {
    const change = { name: 't', fields: [{ field: 'inputSchema', before: { type: 'object' }, after: { type: 'object', required: ['x'] } }, { field: 'description', before: 'a', after: 'b' }] };
    expect(ToolChangeSchema.parse(change)).toEqual(change);
    expect(ToolChangeSchema.safeParse({ name: 't', fields: [{ field: 'inputSchema', before: 'not a schema', after: { type: 'object' } }] }).success).toBe(false);
    expect(ToolChangeSchema.safeParse({ name: 't', fields: [{ field: 'colour', before: 1, after: 2 }] }).success).toBe(false);
  });

  it('types the server capabilities and info as the SDK shapes; a stored pair that no longer fits reads as unknown', async () => {
    const capabilities = { tools: { listChanged: true }, prompts: {} };
    const serverInfo = { name: 'srv', version: '1.0.0' };
    await db.connectors.put({ ...newConnectorRow('ok', 1), label: 'Fits', url: 'http://127.0.0.1:1/mcp', capabilities, serverInfo } as never);
    await db.connectors.put({ ...newConnectorRow('old', 1), label: 'Stale', url: 'http://127.0.0.1:1/mcp', capabilities: { tools: { listChanged: 'yes' } }, serverInfo: { name: 'srv' } } as never);
    const repo = new ConnectorsRepository(db);
    const ok = await repo.get('ok');
    expect(ok).toMatchObject({ capabilities, serverInfo });
    expect(ok!.capabilities?.tools?.listChanged).toBe(true);
    expect(await repo.get('old')).toMatchObject({ id: 'old', capabilities: null, serverInfo: null });
  });
});
