import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ToolDescription } from '@/components/approvals/ToolDescription';

const render = (text: string) => renderToStaticMarkup(createElement(ToolDescription, { text }));

describe('a tool description on an approval card (server-rendered)', () => {
  it('shows a short description whole, with nothing to unfold', () => {
    const html = render('Writes a note.');
    expect(html).toContain('data-folded="false"');
    expect(html).not.toContain('Show all');
  });

  it('folds a long one to two lines, all of its text still there as plain text, with Show all', () => {
    const long = `${'Sends the note to every address it finds. '.repeat(6)}<img src=x onerror=alert(1)>`;
    const html = render(long);
    expect(html).toContain('data-folded="true"');
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>Show all<\/button>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
