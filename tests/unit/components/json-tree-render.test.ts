import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import JsonTree from '@/components/ui/json/JsonTree';
import { JSON_CHILDREN_PAGE } from '@/components/ui/json/JsonNode';

const render = (value: unknown) => renderToStaticMarkup(createElement(JsonTree, { value, label: 'Result JSON' }));

describe('JSON tree rendering', () => {
  it('renders keys and values as text: a hostile key or value is never markup', () => {
    const html = render({ '<img src=x onerror=alert(1)>': '<script>alert(2)</script>' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('data-path="$[&quot;&lt;img src=x onerror=alert(1)&gt;&quot;]"');
  });

  it('writes each line as JSON reads ("key": value), with the path of every node', () => {
    const html = render({ content: [{ type: 'text', text: 'Echo: hi' }] });
    expect(html).toContain('data-path="$.content[0].text"');
    expect(html.replace(/<[^>]+>/g, '').replaceAll('&quot;', '"')).toContain('"text": "Echo: hi"');
  });

  it('bounds a huge array: the first page of children and a Show more button', () => {
    const html = render({ items: Array.from({ length: 10_000 }, (_, i) => i) });
    expect(html.match(/class="json-node"/g)).toHaveLength(2 + JSON_CHILDREN_PAGE);
    expect(html).toContain(`Show ${JSON_CHILDREN_PAGE} more of ${10_000 - JSON_CHILDREN_PAGE}`);
  });

  it('starts deep containers collapsed and cuts long strings on screen', () => {
    const html = render({ a: { b: { c: { d: { e: 'deep' } } } }, long: 'x'.repeat(5_000) });
    expect(html).not.toContain('"deep"');
    expect(html).toContain('{1 key}');
    expect(html).toContain('more characters');
  });
});
