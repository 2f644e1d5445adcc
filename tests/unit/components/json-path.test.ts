import { describe, expect, it } from 'vitest';
import { childPath, containerSummary, copyText, JSON_ROOT, leafText } from '@/components/ui/json/json-path';

describe('JSON tree: the path builder', () => {
  it('writes identifier names with a dot and positions in brackets', () => {
    expect(childPath(childPath(childPath(JSON_ROOT, 'content'), 0), 'text')).toBe('$.content[0].text');
    expect(childPath(JSON_ROOT, '_meta')).toBe('$._meta');
    expect(childPath(JSON_ROOT, '$ref')).toBe('$.$ref');
  });

  it('quotes any other name as a JSON string, so a hostile key cannot break out of its brackets', () => {
    expect(childPath(JSON_ROOT, 'a key')).toBe('$["a key"]');
    expect(childPath(JSON_ROOT, '0')).toBe('$["0"]');
    expect(childPath(JSON_ROOT, 'x"]; $.y')).toBe('$["x\\"]; $.y"]');
    expect(childPath(JSON_ROOT, '')).toBe('$[""]');
    expect(childPath(JSON_ROOT, 'notifications/message')).toBe('$["notifications/message"]');
  });

  it('summarises containers and cuts long leaves, while the copy stays whole', () => {
    expect(containerSummary([1])).toBe('[1 item]');
    expect(containerSummary({ a: 1, b: 2 })).toBe('{2 keys}');
    expect(leafText('x'.repeat(10), 5)).toEqual({ text: '"xxxx…', cut: 7 });
    expect(leafText(null, 5)).toEqual({ text: 'null', cut: 0 });
    expect(copyText('plain')).toBe('plain');
    expect(copyText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});
