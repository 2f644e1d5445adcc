import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { capabilityLines } from '@/components/context/CapabilitiesView';
import { ResourceContents } from '@/components/context/ResourceContents';

describe('resource contents on screen', () => {
  it('renders hostile text as text, and bytes of a non-image type only as a download', () => {
    const html = renderToStaticMarkup(
      createElement(ResourceContents, {
        label: 'Contents of x',
        contents: [
          { kind: 'text', uri: 'x:1', mimeType: 'text/html', text: '<img src=x onerror=alert(1)><script>alert(2)</script>', totalBytes: 50, truncated: false },
          { kind: 'blob', uri: 'x:/page.html', mimeType: 'text/html', base64: 'PGgxPmhpPC9oMT4=', totalBytes: 11 },
          { kind: 'blob', uri: 'x:/big.bin', mimeType: null, base64: null, totalBytes: 30_000_000 },
        ],
      }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Download page.html');
    expect(html).not.toContain('PGgxPmhpPC9oMT4=');
    expect(html).toContain('Binary content too large to offer here (28.6 MB).');
  });

  it('shows an image only from its bytes, as a data URL', () => {
    const html = renderToStaticMarkup(createElement(ResourceContents, { label: 'c', contents: [{ kind: 'image', uri: 'x:i', mimeType: 'image/png', base64: 'iVBORw0KGgo=', totalBytes: 8 }] }));
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('names every capability, declared or not, with the flags that matter', () => {
    expect(capabilityLines({ resources: { subscribe: true }, completions: {} })).toEqual([
      ['Tools', 'no'],
      ['Prompts', 'no'],
      ['Resources', 'yes (subscribe)'],
      ['Logging', 'no'],
      ['Completions', 'yes'],
      ['Tasks', 'no'],
    ]);
  });
});
