import { describe, expect, it } from 'vitest';
import { parseAppResource } from '@/lib/apps/parse-app-resource';
import { appResourceUriOf, MAX_APP_RESOURCE_BYTES, MCP_APP_MIME_TYPE, toolVisibleTo } from '@/lib/contract/app-resource';

const URI = 'ui://app/page.html';
const page = (content: Record<string, unknown>) => ({ contents: [{ uri: URI, mimeType: MCP_APP_MIME_TYPE, text: '<p>app</p>', ...content }] });

describe("an app's page as the server sent it", () => {
  it('keeps the HTML, a fingerprint of it, and only well-formed declared domains', async () => {
    const outcome = await parseAppResource(URI, page({
      _meta: { ui: { csp: { connectDomains: ['https://api.example.com', "'unsafe-eval'", 'https://x.test; script-src *', '*', 'https://*.cdn.example:8443'], resourceDomains: 'https://not-a-list' }, permissions: { camera: {}, microphone: true, usb: {} } } },
    }));
    expect(outcome).toMatchObject({ ok: true, resource: { html: '<p>app</p>', csp: { connectDomains: ['https://api.example.com', 'https://*.cdn.example:8443'], resourceDomains: [] }, permissions: ['camera', 'microphone'] } });
    expect(outcome.ok && outcome.resource.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads base64 text', async () => {
    const outcome = await parseAppResource(URI, { contents: [{ uri: URI, mimeType: MCP_APP_MIME_TYPE, blob: btoa('<p>from a blob</p>') }] });
    expect(outcome).toMatchObject({ ok: true, resource: { html: '<p>from a blob</p>' } });
  });

  it.each([
    ['another type', page({ mimeType: 'text/html' }), /not text\/html;profile=mcp-app/],
    ['no content for the URI', { contents: [{ uri: 'ui://other', mimeType: MCP_APP_MIME_TYPE, text: 'x' }] }, /0 contents/],
    ['two contents', { contents: [page({}).contents[0]!, page({}).contents[0]!] }, /2 contents/],
    ['too large', page({ text: 'x'.repeat(MAX_APP_RESOURCE_BYTES + 1) }), /over the 5\.0 MB/],
    ['a blob that is not UTF-8', { contents: [{ uri: URI, mimeType: MCP_APP_MIME_TYPE, blob: btoa('\xff\xfe\xfd') }] }, /neither text/],
  ])('refuses %s with the reason', async (_name, answer, reason) => {
    const outcome = await parseAppResource(URI, answer as never);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(reason);
  });
});

describe('what a tool says about its app', () => {
  it('names a ui:// page under _meta.ui.resourceUri or the older flat key, and nothing else', () => {
    expect(appResourceUriOf({ ui: { resourceUri: URI } })).toBe(URI);
    expect(appResourceUriOf({ 'ui/resourceUri': URI })).toBe(URI);
    expect(appResourceUriOf({ ui: { resourceUri: 'https://example.com/page.html' } })).toBeUndefined();
    expect(appResourceUriOf(undefined)).toBeUndefined();
  });

  it('is visible to apps unless its visibility leaves them out; a malformed one means the model only', () => {
    expect(toolVisibleTo(undefined, 'app')).toBe(true);
    expect(toolVisibleTo({ ui: { visibility: ['model', 'app'] } }, 'app')).toBe(true);
    expect(toolVisibleTo({ ui: { visibility: ['model'] } }, 'app')).toBe(false);
    expect(toolVisibleTo({ ui: { visibility: 'app' } }, 'app')).toBe(false);
    expect(toolVisibleTo({ ui: { visibility: 'app' } }, 'model')).toBe(true);
  });
});
