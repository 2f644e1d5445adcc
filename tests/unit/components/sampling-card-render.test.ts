import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SamplingCardView } from '@/components/requests/SamplingCardView';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import type { SamplingDraft } from '@/lib/contract/sampling-draft';

const base: ServerRequestRow = {
  id: 'r1',
  connectorId: 'c1',
  connectorLabel: 'Everything',
  kind: 'sampling',
  origin: { type: 'hand-run', callId: 'h1' },
  conversationId: null,
  unfamiliar: false,
  receivedAt: 1,
  status: 'pending',
  toolName: 'trigger-sampling-request',
  params: {
    systemPrompt: 'Be <i>brief</i>.',
    maxTokens: 100,
    temperature: 0.7,
    modelPreferences: { hints: [{ name: 'claude-3-sonnet' }], intelligencePriority: 0.8 },
    tools: [{ name: 'delete_repo', inputSchema: { type: 'object' } }],
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'Hi <script>alert(1)</script> **bold**' }, { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' }] },
    ],
  },
};

const draft: SamplingDraft = {
  withTools: true,
  result: { role: 'assistant', model: 'scripted-model', stopReason: 'toolUse', content: [{ type: 'text', text: 'I will delete it.' }, { type: 'tool_use', id: 'u1', name: 'delete_repo', input: { repo: 'x' } }] },
  toolUses: [{ id: 'u1', name: 'delete_repo', input: { repo: 'x' }, risk: 'destructive', description: 'Deletes a repository.', problems: [] }],
};

const render = (row: ServerRequestRow, modelName: string | null = 'gpt-test') => renderToStaticMarkup(createElement(SamplingCardView, { row, modelName }));
const button = (name: string) => new RegExp(`<button[^>]*>${name}</button>`);

describe('the sampling card', () => {
  it('is named for its connector and shows the server’s words as text, never markup', () => {
    const html = render(base);
    expect(html).toContain('aria-label="Sampling request from Everything"');
    expect(html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt; **bold**');
    expect(html).toContain('Be &lt;i&gt;brief&lt;/i&gt;.');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('[image, image/png');
  });

  it('shows the limits, the preferences as a wish, the tools, and whose model answers', () => {
    const html = render(base);
    expect(html).toContain('gpt-test (your model in Settings)');
    expect(html).toContain('models like claude-3-sonnet; priorities: intelligence 0.8');
    expect(html).toContain('<dd>100</dd>');
    expect(html).toContain('<dd>0.7</dd>');
    expect(html).toMatch(/delete_repo \(tool choice: auto; the server runs them, never Patchbay\)/);
  });

  it('offers Approve and Deny while pending, and the context box only when the server asked for context', () => {
    const html = render(base);
    expect(html).toMatch(button('Approve'));
    expect(html).toMatch(button('Deny'));
    expect(html).not.toContain('Allow it');
    expect(render({ ...base, params: { ...base.params, includeContext: 'allServers' } })).toContain('asks to include context from all your connectors');
  });

  it('in review shows the editable answer and the tool use flagged destructive, with Send and Discard and no Approve', () => {
    const html = render({ ...base, status: 'review', draft });
    expect(html).toContain('Answer from scripted-model');
    expect(html).toContain('I will delete it.');
    expect(html).toContain('Input for delete_repo');
    expect(html).toContain('Destructive write action: needs your approval');
    expect(html).toMatch(button('Send to server'));
    expect(html).toMatch(button('Discard'));
    expect(html).not.toMatch(button('Approve'));
  });

  it('once ended says how, with what was sent, and offers nothing to press', () => {
    const html = render({ ...base, status: 'done', outcome: 'refused', reason: 'Patchbay refused this sampling request: Everything sent more than 6 in a minute.' });
    expect(html).toContain('Refused by Patchbay');
    expect(html).toContain('sent more than 6 in a minute');
    expect(html).not.toContain('<button');
    const sent = render({ ...base, status: 'done', outcome: 'sampled', response: { role: 'assistant', content: { type: 'text', text: 'SENT-TEXT' } } });
    expect(sent).toContain('Answer sent to the server');
    expect(sent).toContain('SENT-TEXT');
  });
});
