import { describe, expect, it } from 'vitest';
import { AppResources } from '@/lib/apps/app-resources';
import { MCP_APP_MIME_TYPE } from '@/lib/contract/app-resource';
import type { ConnectorRow } from '@/lib/db/rows';
import { appConnector } from './app-harness';

const URI = 'ui://app/page.html';

function harness() {
  let row: ConnectorRow = appConnector();
  let html = '<p>one</p>';
  let failing = false;
  const reads: string[] = [];
  const resources = new AppResources({
    connector: async () => row,
    readResource: async (_id, uri) => {
      reads.push(uri);
      if (failing) throw new Error('connection refused');
      return { contents: [{ uri, mimeType: MCP_APP_MIME_TYPE, text: html }] };
    },
  });
  return {
    resources,
    reads,
    setHtml: (next: string) => (html = next),
    setFailing: (next: boolean) => (failing = next),
    changeTool: () => (row = { ...row, toolFingerprints: { ...row.toolFingerprints, show_app: 'fp-show-2' } }),
  };
}

describe("the cache of apps' pages", () => {
  it('reads a page once per tool definition, and again after resources/list_changed', async () => {
    const h = harness();
    await h.resources.forTool('conn-app', 'show_app');
    await h.resources.forTool('conn-app', 'show_app');
    expect(h.reads).toEqual([URI]);
    h.setHtml('<p>two</p>');
    h.resources.forget('conn-app');
    expect(await h.resources.forTool('conn-app', 'show_app')).toMatchObject({ ok: true, resource: { html: '<p>two</p>' } });
    expect(h.reads).toHaveLength(2);
  });

  it('reads again when the tool definition changed (its fingerprint is part of the key)', async () => {
    const h = harness();
    await h.resources.forTool('conn-app', 'show_app');
    h.changeTool();
    await h.resources.forTool('conn-app', 'show_app');
    expect(h.reads).toHaveLength(2);
  });

  it('keeps no failure: the reason is answered and the next card asks the server again', async () => {
    const h = harness();
    h.setFailing(true);
    expect(await h.resources.forTool('conn-app', 'show_app')).toEqual({ ok: false, reason: "The app's page could not be read: connection refused" });
    h.setFailing(false);
    expect((await h.resources.forTool('conn-app', 'show_app')).ok).toBe(true);
    expect(h.reads).toHaveLength(2);
  });

  it('answers a tool without an app with the reason, reading nothing', async () => {
    const h = harness();
    expect(await h.resources.forTool('conn-app', 'read_file')).toMatchObject({ ok: false });
    expect(h.reads).toEqual([]);
  });
});
