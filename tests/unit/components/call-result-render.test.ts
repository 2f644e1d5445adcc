import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallResultView } from '@/components/chat/CallResultView';

const text = (length: number) => ({ content: [{ type: 'text' as const, text: 'y'.repeat(length) }] });

describe('a chat tool call result in its Details', () => {
  it('shows a large stored result shortened, with its full size and a download of the whole', () => {
    const html = renderToStaticMarkup(createElement(CallResultView, { result: text(2 * 1024 * 1024), toolName: 'dump' }));
    expect(html).toContain('2.0 MB');
    expect(html).toContain('in all; the copy below is shortened.');
    expect(html).toContain('Download full result (2.0 MB)');
    expect(html.length).toBeLessThan(2 * 300 * 1024);
  });

  it('shows a small result whole, with no download button', () => {
    const html = renderToStaticMarkup(createElement(CallResultView, { result: text(100), toolName: 'dump' }));
    expect(html).not.toContain('shortened');
    expect(html).not.toContain('Download full result');
    expect(html).toContain('y'.repeat(100));
  });
});
