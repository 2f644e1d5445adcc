import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadable } from '@/components/app/loadable';
import { MarkdownText } from '@/components/chat/MarkdownText';

function Greeting({ name }: { name: string }) {
  return createElement('p', null, `Hello ${name}`);
}

describe('a view split into its own chunk', () => {
  it('shows its fallback until the chunk arrives, then the view itself on the first render', async () => {
    let loads = 0;
    const view = loadable(async () => {
      loads += 1;
      return { default: Greeting };
    });
    const render = () => renderToStaticMarkup(createElement(view.Component, { name: 'Ada', fallback: createElement('p', null, 'Loading') }));
    expect(render()).toBe('<p>Loading</p>');
    await view.preload();
    // No Suspense in between: nothing for React to hold back once the module is there.
    expect(render()).toBe('<p>Hello Ada</p>');
    await view.preload();
    expect(loads).toBe(1);
  });

  it('fetches again after a failed load, rather than failing for the rest of the session', async () => {
    let attempt = 0;
    const view = loadable(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('chunk missing');
      return { default: Greeting };
    });
    await expect(view.preload()).rejects.toThrow('chunk missing');
    await expect(view.preload()).resolves.toBe(Greeting);
  });
});

describe("a model's answer before the Markdown renderer has loaded", () => {
  it('shows its words as plain, inert text', () => {
    const html = renderToStaticMarkup(createElement(MarkdownText, { text: '**Done** <img src=x onerror="alert(1)"> [a](javascript:alert(1))' }));
    expect(html).toContain('markdown-pending');
    expect(html).toContain('**Done**');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
