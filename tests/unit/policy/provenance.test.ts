import { describe, expect, it } from 'vitest';
import { findProvenance, type EarlierToolResult } from '@/lib/policy/provenance';
import { childPath, resultHaystack } from '@/lib/policy/provenance-text';

const SENTENCE = 'The quarterly numbers are in the blue folder.';
const text = (value: string) => ({ content: [{ type: 'text', text: value }] });
const result = (over: Partial<EarlierToolResult> & Pick<EarlierToolResult, 'result'>): EarlierToolResult => ({
  callId: 'call-1', connectorId: 'docs', connectorLabel: 'Docs', toolName: 'read_notes', ...over,
});

describe('findProvenance', () => {
  it('names the source of text copied from another connector, with the argument path', () => {
    const earlier = [result({ result: text(`Notes:\n${SENTENCE}\nEnd.`) })];
    const report = findProvenance({ title: 'Summary', body: `Please note: ${SENTENCE} Thanks` }, 'mail', earlier);
    expect(report).toEqual({
      crossConnector: [{
        path: '$.body',
        excerpt: SENTENCE,
        matchLength: SENTENCE.length,
        source: { connectorId: 'docs', connectorLabel: 'Docs', toolName: 'read_notes', callId: 'call-1' },
        sameConnector: false,
      }],
      sameConnector: [],
      limited: false,
    });
  });

  it('reports hits from the connector being written to apart, flagged', () => {
    const earlier = [result({ result: text(SENTENCE) }), result({ callId: 'call-2', connectorId: 'mail', connectorLabel: 'Mail', result: text(SENTENCE) })];
    const report = findProvenance({ body: SENTENCE }, 'mail', earlier);
    expect(report.crossConnector.map((hit) => hit.source.callId)).toEqual(['call-1']);
    expect(report.sameConnector).toMatchObject([{ path: '$.body', sameConnector: true, source: { connectorId: 'mail', callId: 'call-2' } }]);
  });

  it('finds strings in nested arrays and objects, with JSONPath paths', () => {
    const earlier = [result({ result: { content: [], structuredContent: { items: [{ note: SENTENCE }] } } })];
    const args = { items: [{ title: 'short' }, { title: `Re: ${SENTENCE}` }], meta: { 'odd key': [SENTENCE] } };
    const paths = findProvenance(args, 'mail', earlier).crossConnector.map((hit) => hit.path);
    expect(paths).toEqual(['$.items[1].title', '$.meta["odd key"][0]']);
  });

  it('ignores strings and shared spans shorter than the minimum', () => {
    const earlier = [result({ result: text('abcdefghijk and the rest of it') })];
    expect(findProvenance({ a: 'abcdefghijk' }, 'mail', earlier).crossConnector).toEqual([]);
    // 11 characters in common inside longer strings: no hit at 12, a hit at 8.
    expect(findProvenance({ a: 'XXXXabcdefghijkYYYY' }, 'mail', earlier).crossConnector).toEqual([]);
    expect(findProvenance({ a: 'XXXXabcdefghijkYYYY' }, 'mail', earlier, { minLength: 8 }).crossConnector).toMatchObject([{ excerpt: 'abcdefghijk' }]);
  });

  it('does not count whitespace padding towards the minimum', () => {
    const earlier = [result({ result: text(`${' '.repeat(20)}abc`) })];
    expect(findProvenance({ a: `${' '.repeat(20)}abc!` }, 'mail', earlier).crossConnector).toEqual([]);
  });

  it('sees the unescaped values inside a JSON text item, and skips image data', () => {
    const earlier = [result({ result: { content: [{ type: 'text', text: JSON.stringify({ line: `"${SENTENCE}"\nnext` }) }, { type: 'image', data: 'QUFBQUFBQUFBQUFBQUFBQUFB', mimeType: 'image/png' }] } })];
    expect(findProvenance({ body: `"${SENTENCE}"\nnext` }, 'mail', earlier).crossConnector).toHaveLength(1);
    expect(findProvenance({ body: 'QUFBQUFBQUFBQUFBQUFBQUFB' }, 'mail', earlier).crossConnector).toEqual([]);
  });

  it('keeps the excerpt to 80 characters', () => {
    const long = 'lorem ipsum dolor sit amet '.repeat(10);
    const [hit] = findProvenance({ body: long }, 'mail', [result({ result: text(long) })]).crossConnector;
    expect(hit?.excerpt.length).toBeLessThanOrEqual(80);
    expect(hit?.excerpt.endsWith('…')).toBe(true);
    expect(hit?.matchLength).toBe(long.length);
  });

  it('200 results of 50 KB: fast, and bounded on repetitive input', () => {
    const filler = (seed: number) => Array.from({ length: 5_000 }, (_, i) => `w${(i * 7919 + seed) % 10007} `).join('').slice(0, 50_000);
    const earlier = Array.from({ length: 200 }, (_, n) => result({ callId: `c${n}`, result: text(filler(n) + (n === 150 ? SENTENCE : '')) }));
    const args = { body: `${filler(999).slice(0, 4_000)} ${SENTENCE}` };
    const started = performance.now();
    const report = findProvenance(args, 'mail', earlier);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(report.crossConnector.some((hit) => hit.source.callId === 'c150' && hit.excerpt.includes(SENTENCE))).toBe(true);

    const same = 'a'.repeat(50_000);
    const repetitive = Array.from({ length: 200 }, (_, n) => result({ callId: `r${n}`, result: text(same) }));
    const bounded = findProvenance({ body: 'a'.repeat(16_000) }, 'mail', repetitive, { maxWork: 100_000 });
    expect(bounded.limited).toBe(true);
  });

  it('only the most recent results are searched past maxResults, and says so', () => {
    const earlier = [result({ callId: 'old', result: text(SENTENCE) }), result({ callId: 'new', result: text('nothing here') })];
    expect(findProvenance({ body: SENTENCE }, 'mail', earlier, { maxResults: 1 })).toEqual({ crossConnector: [], sameConnector: [], limited: true });
  });
});

describe('provenance text helpers', () => {
  it('childPath', () => {
    expect(childPath('$', 'body')).toBe('$.body');
    expect(childPath('$.items', 0)).toBe('$.items[0]');
    expect(childPath('$', 'two words')).toBe('$["two words"]');
  });

  it('resultHaystack caps its size and says so', () => {
    const capped = resultHaystack(text('x'.repeat(100)), 10);
    expect(capped.limited).toBe(true);
    expect(capped.value.length).toBeLessThanOrEqual(10);
    expect(resultHaystack(text('x'.repeat(100)), 1_000)).toMatchObject({ limited: false });
  });
});
