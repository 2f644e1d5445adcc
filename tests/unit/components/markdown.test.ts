import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/components/chat/Markdown';
import { linkTarget, shownImageUrl } from '@/components/chat/markdown-policy';

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('Markdown from the model', () => {
  it('loads no remote image, from Markdown or from HTML', () => {
    for (const text of ['![x](https://evil/x.png)', '<img src="https://evil/x.png">', 'a <img src="https://evil/x.png"> b']) {
      const html = render(text);
      expect(html).not.toMatch(/<img[^>]+src="https?:/);
    }
    expect(render('![x](https://evil/x.png)')).toContain('https://evil/x.png');
  });

  it('never renders raw HTML as HTML', () => {
    const html = render('hello <script>alert(1)</script> <b onclick="x()">bold</b>\n\n<div>block</div>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b ');
    expect(html).not.toContain('<div>block');
    expect(html).not.toContain('onclick');
  });

  it('does not turn javascript: and other schemes into links', () => {
    for (const text of ['[a](javascript:alert(1))', '[a](vbscript:x)', '[a](file:///etc/passwd)', '[a](chrome://settings)', '[a](relative/path)']) {
      const html = render(text);
      expect(html).not.toContain('<a');
      expect(html).toContain('a');
    }
  });

  it('opens web links in a new tab without an opener, with the URL visible', () => {
    const html = render('[docs](https://example.com/docs)');
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('(https://example.com/docs)');
  });

  it('shows no image at all, not even inline data: images come only from tool results', () => {
    const html = render(`![dot](${PNG})`);
    expect(html).not.toContain('<img');
    expect(html).toContain('[image: dot — not loaded: data:image/png;base64,');
  });

  it('gives code blocks a Copy button and renders GFM tables', () => {
    expect(render('```js\nlet a = 1;\n```')).toContain('>Copy</button>');
    expect(render('| a | b |\n|---|---|\n| 1 | 2 |')).toContain('<table>');
  });
});

describe('URL policy', () => {
  it('accepts only http(s) and mailto links', () => {
    expect(linkTarget('https://a.example/')).toBe('https://a.example/');
    expect(linkTarget('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('JaVaScRiPt:alert(1)')).toBeNull();
    expect(linkTarget('/relative')).toBeNull();
    expect(linkTarget(undefined)).toBeNull();
  });

  it('names an image by its address, cutting long inline data', () => {
    expect(shownImageUrl('https://evil/x.png')).toBe('https://evil/x.png');
    expect(shownImageUrl(PNG)).toBe(`${PNG.slice(0, 48)}… (${PNG.length} characters)`);
    expect(shownImageUrl(undefined)).toBe('');
  });
});
