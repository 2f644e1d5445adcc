import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { splitMarkdownBlocks } from '@/components/chat/markdown-blocks';

/** The whole text parsed at once, the way the panel rendered it before blocks. */
const whole = (text: string) => renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm], skipHtml: true }, text));
const byBlocks = (text: string) => splitMarkdownBlocks(text).map(whole).join('');
/** The line breaks React puts between top-level elements are not content. */
const content = (html: string) => html.replace(/>\n</g, '><');

const DOCUMENTS = [
  'One paragraph.\n\nAnother one.\n\n# A heading\n\nText after it.',
  '- first\n- second\n\n- loose third\n\nAfter the list.',
  '1. one\n\n2. two\n\n   continued under two\n\n3. three',
  '```js\nconst a = 1;\n\nconst b = 2;\n```\n\nafter the code',
  '~~~\nfence\n\n```\nstill inside\n~~~\n\nout',
  'para\n\n    indented code\n\n    more code\n\nback',
  '> quote\n\n> another quote\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nend',
  'see [the docs][d]\n\n[d]: https://example.com/docs',
  'a footnote[^1]\n\n[^1]: the note',
  'Title\n=====\n\ntext\n\n***\n\n- [ ] task\n- [x] done',
];

describe('splitting streamed Markdown into blocks', () => {
  it('gives back the text exactly when the blocks are joined', () => {
    for (const text of DOCUMENTS) expect(splitMarkdownBlocks(text).join('')).toBe(text);
  });

  it('renders block by block exactly as the whole text renders', () => {
    for (const text of DOCUMENTS) expect(content(byBlocks(text))).toBe(content(whole(text)));
  });

  it('splits a long answer into many blocks, not one', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} with **bold** text.`).join('\n\n');
    expect(splitMarkdownBlocks(text)).toHaveLength(50);
  });

  it('never changes a finished block as the answer grows: only the last one is parsed again', () => {
    // Definitions reach across blocks: a text that has one is parsed whole, so it is left out here.
    for (const text of DOCUMENTS.filter((t) => !/^\[[^\]]+\]:/m.test(t))) {
      let previous: string[] = [];
      for (let end = 1; end <= text.length; end++) {
        const blocks = splitMarkdownBlocks(text.slice(0, end));
        // Every block but the last of the shorter text is the same string in the longer one.
        expect(blocks.slice(0, previous.length - 1)).toEqual(previous.slice(0, -1));
        previous = blocks;
      }
    }
  });
});
