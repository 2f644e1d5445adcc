import { describe, expect, it } from 'vitest';
import { needsScrub } from '@/lib/mcp/redaction/url-credentials';
import { URL_IN_TEXT, urlsInText } from '@/lib/mcp/redaction/urls-in-text';

/** What the pattern itself finds: the reference the scan must agree with. */
const byPattern = (text: string) => [...text.matchAll(URL_IN_TEXT)].map((match) => match[0]);

/** A small seeded generator (mulberry32), so a failure names text that can be found again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text made of what decides a match: scheme characters, word characters, stops, and pieces of `://`. */
const PIECES = ['a', 'Z', 'h', 'ttp', 's', '1', '_', '+', '.', '-', ':', '/', '://', 'https://', ' ', '\n', '"', "'", '\\', '<', '>', '`', '?', '=', '@', '#', ')', 'é'];

function generated(next: () => number): string {
  let text = '';
  const length = Math.floor(next() * 40);
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('urlsInText', () => {
  it.each([
    ['a URL in a sentence', 'See https://mcp.example/docs?q=1, then stop.'],
    ['URLs one after another', 'http://a.example/x https://b.example/y\tftp://c.example'],
    ['a URL inside a URL', 'https://a.example/?next=https://b.example/z'],
    ['a scheme glued to a word character (no word boundary)', '_http://x.example 1https://y.example'],
    ['a scheme after punctuation that is part of a scheme', 'x.https://a.example -h+t.p://b.example'],
    ['nothing after the slashes', 'http:// and http://"quoted" and ://bare'],
    ['a JSON escape ends the URL', '{"u":"https://a.example/p\\"more"}'],
    ['upper-case schemes', 'HTTPS://A.EXAMPLE/X and Mixed+Case.1://y'],
    ['at the very start and end', 'a://b'],
  ])('finds what the pattern finds: %s', (_, text) => {
    expect(urlsInText(text)).toEqual(byPattern(text));
  });

  it('agrees with the pattern on 20,000 generated texts', () => {
    const next = random(20_261_201);
    for (let i = 0; i < 20_000; i++) {
      const text = generated(next);
      expect(urlsInText(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('finds the one URL every tool of a big tool list names, and a credential in any of them', () => {
    const tools = Array.from({ length: 100 }, (_, i) => ({
      name: `get_item_${i}`,
      description: `Finds items in workspace ${i}, newest first; see the guide for the fields.`,
      inputSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { query: { type: 'string' } } },
    }));
    const text = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools } });
    expect(urlsInText(text)).toEqual(byPattern(text));
    expect(urlsInText(text)).toHaveLength(100);
    expect(needsScrub(text)).toBe(false);
    tools[73]!.description = 'Docs at https://docs.example/guide?api_key=live-123456 for this one.';
    expect(needsScrub(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools } }))).toBe(true);
  });
});
