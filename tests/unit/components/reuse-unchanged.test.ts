import { describe, expect, it } from 'vitest';
import { reuseUnchanged, sameValue } from '@/components/chat/reuse-unchanged';

const row = (id: string, text: string) => ({ id, parts: [{ type: 'text', text, status: { type: 'done' } }], usage: { inputTokens: 1, outputTokens: 2 } });

describe('rows shared across live query reads', () => {
  it('keeps the previous object of every row whose content did not change', () => {
    const first = [row('a', 'one'), row('b', 'two'), row('c', 'three')];
    // A fresh read: equal content, all new objects, one row changed.
    const second = reuseUnchanged(first, [row('a', 'one'), row('b', 'two, longer'), row('c', 'three')]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.parts[0]!.text).toBe('two, longer');
    expect(second[2]).toBe(first[2]);
  });

  it('gives back the previous array when nothing changed, and a new one when rows move or go', () => {
    const first = [row('a', 'one'), row('b', 'two')];
    expect(reuseUnchanged(first, [row('a', 'one'), row('b', 'two')])).toBe(first);
    const swapped = reuseUnchanged(first, [row('b', 'two'), row('a', 'one')]);
    expect(swapped).not.toBe(first);
    expect(swapped).toEqual([first[1], first[0]]);
    expect(reuseUnchanged(first, [row('a', 'one')])).toEqual([first[0]]);
    expect(reuseUnchanged(first, [row('a', 'one')])).not.toBe(first);
  });

  it('keys rows by the given key (tools by name)', () => {
    const first = [{ name: 'echo', inputSchema: { type: 'object' } }];
    expect(reuseUnchanged(first, [{ name: 'echo', inputSchema: { type: 'object' } }], (tool) => tool.name)[0]).toBe(first[0]);
  });

  it('compares deeply: keys, arrays, nesting and missing keys', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
  });
});
