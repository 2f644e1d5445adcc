import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_TEXT_BYTES } from '@/lib/contract/page-reading';
import { capturePage, type PageScriptingApi } from '@/lib/page/capture-page';
import { readPage } from '@/lib/page/read-page';

const ARTICLE = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the article about tide pools, long enough to count as prose for a reader view, with commas, and more words.</p>`).join('');
const PAGE = `<!doctype html><html><head><title>Tide pools</title><script>window.secret = "SCRIPT-TEXT"</script></head><body>
  <nav><a href="/">Home</a> <a href="/about">NAV-LINK-ABOUT</a></nav>
  <article><h1>Tide pools</h1>${ARTICLE}</article>
  <footer>FOOTER-LEGAL</footer><script>console.log("SCRIPT-BODY")</script></body></html>`;

const doc = (html = PAGE) => parseHTML(html).document as unknown as Document;

describe('readPage', () => {
  it('reads the selection, and only it, when there is one', () => {
    const reading = readPage({ document: doc(), url: 'http://127.0.0.1/pools', selection: '  Paragraph 3 of the article  ' });
    expect(reading).toMatchObject({ selection: true, text: 'Paragraph 3 of the article', title: 'Tide pools', url: 'http://127.0.0.1/pools' });
  });

  it('without a selection reads the article, without navigation, footer and scripts', () => {
    const page = doc();
    const reading = readPage({ document: page, url: 'http://127.0.0.1/pools', selection: '' });
    expect(reading.selection).toBe(false);
    expect(reading.text).toContain('Paragraph 8 of the article about tide pools');
    for (const left of ['NAV-LINK-ABOUT', 'FOOTER-LEGAL', 'SCRIPT-TEXT', 'SCRIPT-BODY']) expect(reading.text).not.toContain(left);
    // The page itself is untouched: Readability worked on a clone.
    expect(page.querySelector('nav')).not.toBeNull();
  });

  it('cuts a huge page to the cap and states the full size', () => {
    const huge = `<html><head><title>Big</title></head><body><article>${'<p>' + 'word '.repeat(200) + '</p>'.repeat(1)}${'<p>' + 'x'.repeat(600_000) + '</p>'}</article></body></html>`;
    const reading = readPage({ document: doc(huge), url: 'http://127.0.0.1/big', selection: '' });
    expect(new TextEncoder().encode(reading.text).length).toBeLessThan(MAX_PAGE_TEXT_BYTES + 200);
    expect(reading.sizeBytes).toBeGreaterThan(600_000);
    expect(reading.text).toMatch(/cut: the page's text is \d+ bytes/);
  });
});

function fakeApi(result: unknown, options: { fail?: Error; tabId?: number } = {}): PageScriptingApi & { injected: unknown[] } {
  const injected: unknown[] = [];
  return {
    injected,
    tabs: { query: async () => [{ ...(options.tabId === undefined ? { id: 7 } : { id: options.tabId }) }] },
    scripting: {
      executeScript: async (injection) => {
        injected.push(injection);
        if (options.fail) throw options.fail;
        return [{ result }];
      },
    },
  };
}

describe('capturePage', () => {
  it('injects the reader into the current tab and makes a page attachment, with credentials in the URL redacted', async () => {
    const api = fakeApi({ url: 'https://app.example/doc?api_key=sk-SECRET-123456789&x=1', title: 'Doc', selection: true, text: 'chosen words', sizeBytes: 12 });
    const context = await capturePage(api, 1000);
    expect(api.injected).toEqual([{ target: { tabId: 7 }, files: ['/page-reader.js'] }]);
    expect(context).toMatchObject({ name: 'Selection: Doc', mimeType: 'text/plain', text: 'chosen words', sizeBytes: 12, attachedAt: 1000 });
    expect(context.source).toMatchObject({ kind: 'page', title: 'Doc', selection: true });
    expect(JSON.stringify(context)).not.toContain('sk-SECRET');
  });

  it('refuses a tab it may not read, a malformed answer, and an empty page, with a clear error', async () => {
    await expect(capturePage(fakeApi(null, { fail: new Error('Cannot access contents of the page') }))).rejects.toMatchObject({ code: 'page-unreadable', message: expect.stringMatching(/toolbar button/) });
    await expect(capturePage(fakeApi({ url: 1, text: {} }))).rejects.toMatchObject({ code: 'page-unreadable', message: 'The page gave back nothing readable.' });
    await expect(capturePage(fakeApi({ url: 'http://127.0.0.1/', title: '', selection: false, text: '', sizeBytes: 0 }))).rejects.toMatchObject({ message: 'The page has no readable text.' });
  });
});
