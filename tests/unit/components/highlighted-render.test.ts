import type { Root } from 'hast';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { hastToReact } from '@/components/ui/hast-to-react';
import { HIGHLIGHT_MAX_CHARS, highlightLanguageOf } from '@/components/ui/highlight-languages';
import { Highlighted } from '@/components/ui/Highlighted';
import HighlightedTokens from '@/components/ui/HighlightedTokens';
import { highlightTree } from '@/components/ui/highlighter';

const tokens = (text: string, language: string) => renderToStaticMarkup(createElement(HighlightedTokens, { text, language: highlightLanguageOf(language)! }));
const tree = (root: Root) => renderToStaticMarkup(createElement(Fragment, null, ...hastToReact(root)));
/** Every tag the markup holds, by name. */
const tagsOf = (html: string) => [...html.matchAll(/<([a-z][\w-]*)/gi)].map((match) => match[1]!.toLowerCase());
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

describe('highlighted text as React elements', () => {
  it('colours TypeScript with the grammar’s token spans and keeps the text exactly', () => {
    const code = 'const answer: number = 42; // why\nexport function f() { return "x"; }';
    const html = tokens(code, 'ts');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-number">42</span>');
    expect(html).toContain('<span class="hljs-comment">// why</span>');
    expect(textOf(html)).toBe(code);
  });

  it('keeps markup in HTML, Markdown and JSON as text: no img, no handler, no link', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    for (const [language, text] of [
      ['html', hostile],
      ['markdown', `${hostile}\n\n[click](javascript:alert(4)) ![i](javascript:alert(5))`],
      ['json', JSON.stringify({ html: hostile, href: 'javascript:alert(6)' })],
      ['bash', `echo '${hostile}'`],
    ] as const) {
      const html = tokens(text, language);
      expect(new Set(tagsOf(html)), language).toEqual(new Set(['span']));
      // The only attribute any tag carries is a class of the grammar's.
      for (const [tag] of html.matchAll(/<span[^>]*>/g)) expect(tag, language).toMatch(/^<span(?: class="hljs-[\w-]+(?: [\w-]+)*")?>$/);
      expect(textOf(html), language).toBe(text);
    }
  });

  it('takes only the grammar’s class names and spans from a tree, whatever else it holds', () => {
    const forged: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'img', properties: { src: 'x', onError: 'alert(1)', className: ['hljs-string'] }, children: [] },
        { type: 'element', tagName: 'a', properties: { href: 'javascript:alert(1)' }, children: [{ type: 'text', value: 'javascript:alert(1)' }] },
        { type: 'element', tagName: 'span', properties: { className: ['hljs-keyword', 'evil" onclick="x', 'panel-overlay', 'function_'], style: 'position:fixed' }, children: [{ type: 'text', value: 'let' }] },
        { type: 'comment', value: '<img src=x>' },
        { type: 'element', tagName: 'span', properties: { className: 'hljs-title class_' as never }, children: [{ type: 'raw', value: '<b>raw</b>' } as never] },
      ],
    };
    const html = tree(forged);
    expect(tagsOf(html)).toEqual(['span', 'span', 'span', 'span']);
    expect(html).toBe('<span></span><span>javascript:alert(1)</span><span class="hljs-keyword function_">let</span><span class="hljs-title class_"></span>');
  });

  it('shows an unknown language, a bare fence and a text over the cap as plain text, without loading the highlighter', () => {
    expect(renderToStaticMarkup(createElement(Highlighted, { text: 'a <b>', language: 'brainfuck' }))).toBe('a &lt;b&gt;');
    expect(renderToStaticMarkup(createElement(Highlighted, { text: 'a <b>', language: null }))).toBe('a &lt;b&gt;');
    expect(renderToStaticMarkup(createElement(Highlighted, { text: 'a <b>', language: 'constructor' }))).toBe('a &lt;b&gt;');
    const long = `[${'1,'.repeat(HIGHLIGHT_MAX_CHARS / 2)}1]`;
    expect(renderToStaticMarkup(createElement(Highlighted, { text: long, language: 'json' }))).toBe(long);
    expect(highlightTree(long, 'json')).toBeNull();
  });

  it('knows every language of the registered set by its usual names', () => {
    const names = ['json', 'js', 'javascript', 'ts', 'typescript', 'py', 'python', 'sh', 'bash', 'shell', 'sql', 'html', 'xml', 'css', 'yaml', 'yml', 'md', 'markdown'];
    for (const name of names) expect(highlightTree('x', highlightLanguageOf(name)!), name).not.toBeNull();
  });
});
