import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ServerRequestCard } from '@/components/requests/ServerRequestCard';
import { linkDomain } from '@/components/requests/request-text';
import type { ServerRequestRow } from '@/lib/contract/server-request';

const base: ServerRequestRow = {
  id: 'r1', connectorId: 'c1', connectorLabel: 'Asker', kind: 'elicitation-form', origin: { type: 'chat-call', conversationId: 'v', callId: 'k' },
  conversationId: 'v', unfamiliar: false, receivedAt: 0, status: 'pending', toolName: 'ask', serverHost: 'asker.example',
  params: {
    mode: 'form',
    message: '<img src=x onerror=alert(1)> **Who** are you?',
    requestedSchema: { type: 'object', properties: { name: { type: 'string', title: 'Your name' }, age: { type: 'integer' }, tier: { type: 'string', oneOf: [{ const: 'g', title: 'Gold' }] } }, required: ['name'] },
  },
};
const render = (row: ServerRequestRow) => renderToStaticMarkup(createElement(ServerRequestCard, { row }));
const button = (name: string) => new RegExp(`<button[^>]*>${name}</button>`);

describe('the elicitation card', () => {
  it('is named by the connector, shows the message as text, and labels fields by title else name', () => {
    const html = render(base);
    expect(html).toContain('aria-label="Request from Asker"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; **Who** are you?');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<label[^>]*>Your name<\/label>/);
    expect(html).toMatch(/<label[^>]*>age<\/label>/);
    expect(html).toContain('>Gold</option>');
    expect(html).toContain('Required');
    for (const name of ['Accept', 'Decline', 'Cancel']) expect(html).toMatch(button(name));
    expect(html).not.toContain('You have not used');
  });

  it('marks a server not used in the conversation', () => {
    expect(render({ ...base, unfamiliar: true })).toContain('You have not used Asker in this conversation.');
  });

  it('shows an expired or refused request without its buttons, with the reason', () => {
    const expired = render({ ...base, status: 'done', outcome: 'expired', reason: 'The server stopped waiting.' });
    expect(expired).toContain('Expired');
    expect(expired).toContain('The server stopped waiting.');
    expect(expired).not.toMatch(button('Accept'));
    const refused = render({ ...base, status: 'done', outcome: 'refused', reason: 'Patchbay cannot show this form: “address” is a nested object.' });
    expect(refused).toContain('nested object');
    expect(refused).not.toMatch(button('Accept'));
  });

  it('shows what an accepted form sent', () => {
    const html = render({ ...base, status: 'done', outcome: 'accepted', response: { action: 'accept', content: { name: 'Ada', tags: ['a', 'b'] } } });
    expect(html).toContain('Ada');
    expect(html).toContain('a, b');
    expect(html).not.toMatch(button('Accept'));
  });
});

describe('the URL card', () => {
  const link = { ...base, kind: 'elicitation-url' as const, params: { mode: 'url', message: 'Sign in there', elicitationId: 'e', url: 'https://login.other.example/a?b=c&d=<e>' } };

  it('shows the whole URL and its domain before Open, with a warning for another domain', () => {
    const html = render(link);
    expect(html).toContain('https://login.other.example/a?b=c&amp;d=&lt;e&gt;');
    expect(html).toContain('login.other.example</strong>');
    expect(html).toContain('This link goes to login.other.example, not to asker.example');
    expect(html).toMatch(button('Open'));
    expect(html).not.toContain('href=');
  });

  it('does not warn for the server’s own host or its subdomains', () => {
    expect(linkDomain('https://asker.example/x', 'asker.example')).toEqual({ host: 'asker.example', foreign: false });
    expect(linkDomain('https://id.asker.example/x', 'asker.example')).toEqual({ host: 'id.asker.example', foreign: false });
    expect(linkDomain('https://asker.example.evil.test/x', 'asker.example').foreign).toBe(true);
    expect(linkDomain('https://evilasker.example/x', 'asker.example').foreign).toBe(true);
  });

  it('says when the server reports the link complete', () => {
    expect(render({ ...link, status: 'done', outcome: 'accepted', completedAt: 5 })).toContain('The server says this is complete.');
  });
});
