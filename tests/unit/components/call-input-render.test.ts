import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallInput } from '@/components/approvals/CallInput';

describe('the approval card\'s input', () => {
  it('shows input that is not JSON as inert text in a box a keyboard can scroll, like the parsed one', () => {
    const raw = renderToStaticMarkup(createElement(CallInput, { argsText: '{"path": "<img src=x onerror=alert(1)>"' }));
    expect(raw).toContain('Input (raw, not valid JSON)');
    expect(raw).toContain('<pre tabindex="0">');
    expect(raw).not.toContain('<img');
    const parsed = renderToStaticMarkup(createElement(CallInput, { args: { path: '/tmp' }, argsText: '{"path":"/tmp"}' }));
    expect(parsed).toContain('<pre tabindex="0">');
  });
});
