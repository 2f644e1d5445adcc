import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ToolResultView } from '@/components/inspector/ToolResultView';
import { createFileCommandHandlers } from '@/lib/background/file-command-handlers';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { createRepositories } from '@/lib/db/repositories';

const text = (length: number): CallToolResult => ({ content: [{ type: 'text', text: 'y'.repeat(length) }] });
let counter = 0;
let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

/** Stores a message whose tool result is `result`, and answers `chat.shownResult` for it as the background does. */
async function shownResult(result: CallToolResult) {
  db = await openDatabase(`patchbay-call-result-${++counter}-${Date.now()}`);
  await db.messages.put({
    id: 'm1',
    conversationId: 'c1',
    seq: 0,
    role: 'tool',
    createdAt: 1,
    parts: [{ id: 'p1', type: 'tool-result', status: { type: 'complete' }, callId: 'call-1', result, isError: false, sizeBytes: 1 }],
  });
  const handlers = createFileCommandHandlers({ db, protocolLog: createRepositories(db).protocolLog });
  return handlers['chat.shownResult']({ messageId: 'm1', callId: 'call-1' });
}

function render(shown: Awaited<ReturnType<typeof shownResult>>): string {
  return renderToStaticMarkup(
    createElement(ToolResultView, { result: shown.result as CallToolResult, totalBytes: shown.totalBytes, truncated: shown.truncated, full: { fileName: 'dump-result.json', json: async () => '' } }),
  );
}

describe('a chat tool call result in its Details', () => {
  it('shows a large stored result shortened by the background, with its full size and a download of the whole', async () => {
    const html = render(await shownResult(text(2 * 1024 * 1024)));
    expect(html).toContain('2.0 MB');
    expect(html).toContain('in all; the copy below is shortened.');
    expect(html).toContain('Download full result (2.0 MB)');
    expect(html.length).toBeLessThan(2 * 300 * 1024);
  });

  it('shows a small result whole, with no download button', async () => {
    const html = render(await shownResult(text(100)));
    expect(html).not.toContain('shortened');
    expect(html).not.toContain('Download full result');
    expect(html).toContain('y'.repeat(100));
  });

  it('refuses a call that has no stored result, by its code', async () => {
    await shownResult(text(1));
    const handlers = createFileCommandHandlers({ db: db!, protocolLog: createRepositories(db!).protocolLog });
    await expect(handlers['chat.shownResult']({ messageId: 'm1', callId: 'nope' })).rejects.toMatchObject({ code: 'result-not-found' });
  });
});
