import { afterEach, describe, expect, it } from 'vitest';
import { createTraceCommandHandlers } from '@/lib/background/trace-command-handlers';
import { importConversation } from '@/lib/chat/conversation-import';
import { parseTraceFile } from '@/lib/contract/trace-file';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { createRepositories } from '@/lib/db/repositories';
import { ConnectorOAuthRecordSchema } from '@/lib/auth/oauth-store';
import { sampleExport } from '../chat/conversation-export-fixture';
import { connectorRow } from '../chat/engine-harness';

let counter = 0;
let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

/** Every kind of secret a trace must not carry; each holds the word "planted" for the final grep. */
const PLANTED = {
  apiKey: 'sk-planted-model-key-0001',
  bearer: 'planted-bearer-token-0002',
  header: 'planted-header-value-0003',
  access: 'planted-oauth-access-0004',
  refresh: 'planted-oauth-refresh-0005',
  clientSecret: 'planted-client-secret-0006',
};

async function setup(logWriter?: { flush(): Promise<void> }) {
  db = await openDatabase(`patchbay-trace-${++counter}-${Date.now()}`);
  const data = sampleExport('conv-trace');
  data.conversation.connectorIds = ['conn-1'];
  const assistant = data.messages[1]!;
  assistant.parts = assistant.parts.map((part) => {
    if (part.type === 'tool-call') return { ...part, connectorId: 'conn-1', argsText: `{"state":"open","access_token":"${PLANTED.access}"}`, args: { state: 'open', access_token: PLANTED.access } };
    if (part.type === 'tool-result') return { ...part, result: { content: [{ type: 'text', text: `echo: key ${PLANTED.apiKey}, header ${PLANTED.header}, Authorization: Bearer ${PLANTED.bearer}, stray ghp_plantedGithubToken0007 and sk-plantedUnknownKey0008x` }] } };
    return part;
  });
  data.messages[0]!.parts = [{ id: 'p0', type: 'text', text: 'Signed in at https://app.example/callback?code=planted-oauth-code-0009&state=s1 — <img src=x onerror=alert(1)>', status: { type: 'complete' } }];
  await importConversation(db, data, { keepId: true });
  await db.connectors.put({ ...connectorRow(), url: 'https://user:planted-userinfo-0010@mcp.example/token/planted-path-secret-0011/mcp?api_key=planted-query-0012' });
  const repositories = createRepositories(db);
  await repositories.protocolLog.append('conn-1', [
    { at: 1_101, direction: 'out', method: 'tools/call', httpStatus: null, durationMs: null, sizeBytes: 10, frame: { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'list_issues', arguments: { refresh_token: PLANTED.refresh } } } },
    { at: 1_102, direction: 'in', method: null, httpStatus: 200, durationMs: 3, sizeBytes: 10, frame: { headers: { Authorization: `Bearer ${PLANTED.bearer}`, 'x-trace': 'kept' }, url: 'http://127.0.0.1:1/mcp?session=planted-session-0013' } },
    // Outside the conversation's span: not in its trace.
    { at: 999_999, direction: 'in', method: 'tools/list', httpStatus: null, durationMs: null, sizeBytes: 10, frame: { unrelated: true } },
  ]);
  const oauth = ConnectorOAuthRecordSchema.parse({ tokens: { tokens: { access_token: PLANTED.access, token_type: 'Bearer', refresh_token: PLANTED.refresh }, obtainedAt: 1, expiresAt: null, resource: 'https://mcp.example/' }, clients: { iss: { client_id: 'c', client_secret: PLANTED.clientSecret } } });
  return createTraceCommandHandlers({
    db,
    connectors: repositories.connectors,
    protocolLog: repositories.protocolLog,
    ...(logWriter ? { logWriter } : {}),
    secrets: { apiKey: async () => PLANTED.apiKey, connectorSecrets: async () => ({ token: PLANTED.bearer, headers: { 'X-Api-Secret': PLANTED.header } }), oauth: async () => oauth },
  });
}

describe('the trace export', () => {
  it('holds the conversation, its calls, the frames of its span and the tool definitions, and reads back', async () => {
    const handlers = await setup();
    const file = await handlers['trace.export']({ conversationId: 'conv-trace' });
    expect(file).toMatchObject({ fileName: 'issues.patchbay-trace.json', mimeType: 'application/json' });
    const trace = parseTraceFile(file.text);
    expect(trace.format).toBe('patchbay.trace');
    expect(trace.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(trace.messages[1]).toMatchObject({ text: expect.stringContaining('You have two'), callIds: ['call-1'] });
    expect(trace.calls).toEqual([expect.objectContaining({ callId: 'call-1', toolName: 'list_issues', status: 'complete', isError: false })]);
    expect(trace.frames.map((frame) => frame.at)).toEqual([1_101, 1_102]);
    expect(trace.connectors).toEqual([expect.objectContaining({ id: 'conn-1', label: 'Files', tools: [expect.objectContaining({ name: 'read_file' }), expect.objectContaining({ name: 'write_file' })] })]);
    // Plain data stays as written, hostile markup included (the viewer shows it as text).
    expect(file.text).toContain('<img src=x onerror=alert(1)>');
    expect(file.text).toContain('"x-trace": "kept"');
  });

  it('has the frames the log writer still held when it was asked for (the writer waits for a pause in the traffic)', async () => {
    let flushed = 0;
    const handlers = await setup({
      flush: async () => {
        flushed += 1;
        await createRepositories(db!).protocolLog.append('conn-1', [{ at: 1_103, direction: 'in', method: 'tools/call', httpStatus: null, durationMs: 2, sizeBytes: 10, frame: { jsonrpc: '2.0', id: 7, result: { content: [] } } }]);
      },
    });
    const trace = parseTraceFile((await handlers['trace.export']({ conversationId: 'conv-trace' })).text);
    expect(flushed).toBe(1);
    expect(trace.frames.map((frame) => frame.at)).toEqual([1_101, 1_102, 1_103]);
  });

  it('redacts every kind of secret: model key, bearer token, headers, OAuth tokens and codes, URL credentials, key shapes', async () => {
    const handlers = await setup();
    const { text } = await handlers['trace.export']({ conversationId: 'conv-trace' });
    const leaks = text.match(/[^\s"]*planted[^\s"]*/gi) ?? [];
    expect(leaks).toEqual([]);
    expect(text).toContain('mcp.example');
    expect(text).toContain('Bearer [redacted]');
  });

  it('refuses a conversation that does not exist by its code', async () => {
    const handlers = await setup();
    await expect(handlers['trace.export']({ conversationId: 'nope' })).rejects.toMatchObject({ code: 'conversation-not-found' });
  });
});
