import { afterEach, describe, expect, it } from 'vitest';
import { createFileCommandHandlers } from '@/lib/background/file-command-handlers';
import { parseConversationExport } from '@/lib/chat/conversation-export';
import { importConversation } from '@/lib/chat/conversation-import';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { createRepositories } from '@/lib/db/repositories';
import { ProtocolLogWriter } from '@/lib/mcp/protocol-log/protocol-log-writer';
import { sampleExport } from '../chat/conversation-export-fixture';

const URL_WITH_KEY = 'https://mcp.example/token/live-path-1/mcp?api_key=live-key-2';
let counter = 0;
let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

async function setup() {
  db = await openDatabase(`patchbay-file-commands-${++counter}-${Date.now()}`);
  const data = sampleExport('conv-files');
  data.conversation.title = 'Weather: Paris / Lyon?';
  data.messages[1]!.parts = data.messages[1]!.parts.map((part) =>
    part.type === 'error' ? { ...part, message: `Lost the event stream from ${URL_WITH_KEY}: closed` } : part,
  );
  await importConversation(db, data, { keepId: true });
  return createFileCommandHandlers({ db, protocolLog: createRepositories(db).protocolLog });
}

describe('the commands that build the panel’s downloads', () => {
  it('export a protocol log with the frames its writer still holds (it waits for a pause in the traffic)', async () => {
    db = await openDatabase(`patchbay-file-commands-${++counter}-${Date.now()}`);
    const protocolLog = createRepositories(db).protocolLog;
    const logWriter = new ProtocolLogWriter(protocolLog);
    const handlers = createFileCommandHandlers({ db, protocolLog, logWriter });
    logWriter.record('k1', { at: 1, direction: 'out', method: 'tools/list', httpStatus: null, durationMs: null, sizeBytes: 40, frame: { jsonrpc: '2.0', id: 7, method: 'tools/list' } });
    const exported = JSON.parse((await handlers['protocolLog.export']({ connectorId: 'k1', connectorLabel: 'Acme' })).text) as { frames: { method: string | null }[] };
    expect(exported.frames.map((frame) => frame.method)).toEqual(['tools/list']);
  });

  it('export a conversation as re-importable JSON and as Markdown, URL credentials redacted', async () => {
    const handlers = await setup();
    const json = await handlers['chat.export']({ conversationId: 'conv-files', format: 'json' });
    expect(json).toMatchObject({ fileName: 'weather-paris-lyon.patchbay.json', mimeType: 'application/json' });
    expect(json.text).toContain('mcp.example');
    expect(json.text).not.toMatch(/live-/);
    expect(parseConversationExport(json.text).conversation.id).toBe('conv-files');
    const markdown = await handlers['chat.export']({ conversationId: 'conv-files', format: 'markdown' });
    expect(markdown).toMatchObject({ fileName: 'weather-paris-lyon.md', mimeType: 'text/markdown' });
    expect(markdown.text).toContain('Weather: Paris / Lyon?');
    expect(markdown.text).not.toMatch(/live-/);
  });

  it('refuse a conversation that does not exist by its code', async () => {
    const handlers = await setup();
    await expect(handlers['chat.export']({ conversationId: 'nope', format: 'json' })).rejects.toMatchObject({ code: 'conversation-not-found' });
  });

  it('export the protocol log and the audit as JSON documents', async () => {
    const handlers = await setup();
    const log = await handlers['protocolLog.export']({ connectorId: 'k1', connectorLabel: 'Acme tools' });
    expect(log.fileName).toBe('Acme-tools-protocol-log.json');
    expect(JSON.parse(log.text)).toMatchObject({ connector: 'Acme tools' });
    const audit = await handlers['audit.export']({ exportedAt: Date.UTC(2026, 10, 26) });
    expect(JSON.parse(audit.text)).toMatchObject({ format: 'patchbay-audit', exportedAt: '2026-11-26T00:00:00.000Z', entries: [] });
  });
});
