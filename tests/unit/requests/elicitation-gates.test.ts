import { ErrorCode, McpError, UrlElicitationRequiredError } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openTab } from '@/lib/browser/open-tab';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { elicitationFormAnswers, elicitationUrlAnswers } from '@/lib/requests/elicitation/elicitation-answers';
import { MAX_MESSAGE_CHARS, elicitationArrival } from '@/lib/requests/elicitation/elicitation-arrival';
import { urlElicitationRetry } from '@/lib/requests/elicitation/url-elicitation-retry';
import type { IncomingServerRequest } from '@/lib/requests/server-request-broker';

const row = (over: Partial<ServerRequestRow>): ServerRequestRow => ({
  id: 'r1', connectorId: 'c1', connectorLabel: 'Asker', kind: 'elicitation-url', params: { mode: 'url', message: 'Go', elicitationId: 'e1', url: 'https://good.example/x' },
  origin: { type: 'none', conversationId: null }, conversationId: null, unfamiliar: true, receivedAt: 0, status: 'pending', ...over,
});

// Each gate of elicitation, and the attempt to get past it.
describe('what the panel cannot make the background do', () => {
  it('opens the stored URL, never one the panel sends with its answer', async () => {
    const opened: string[] = [];
    const step = await elicitationUrlAnswers(async (url) => void opened.push(url)).answer(row({}), { action: 'accept', url: 'https://evil.example/steal' });
    expect(opened).toEqual(['https://good.example/x']);
    expect(step).toMatchObject({ type: 'settle', settlement: { outcome: 'accepted', reply: { result: { action: 'accept' } } } });
  });

  it('sends no content with a decline or a cancel, whatever the panel adds', async () => {
    const form = row({ kind: 'elicitation-form', params: { mode: 'form', message: 'Name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } } });
    const declined = await elicitationFormAnswers.answer(form, { action: 'decline', content: { name: 'leak' } });
    expect(declined).toMatchObject({ settlement: { reply: { result: { action: 'decline' } } } });
    expect(JSON.stringify(declined)).not.toContain('leak');
    const cancelled = await elicitationFormAnswers.answer(form, { action: 'cancel', content: { name: 'leak' } });
    expect(JSON.stringify(cancelled)).not.toContain('leak');
    await expect(elicitationFormAnswers.answer(form, { action: 'approve' })).rejects.toMatchObject({ code: 'invalid-answer' });
  });

  it('never opens a link a stored row holds that is not http or https', async () => {
    const opened: string[] = [];
    await expect(elicitationUrlAnswers(async (url) => void opened.push(url)).answer(row({ params: { url: 'javascript:alert(1)' } }), { action: 'accept' })).rejects.toMatchObject({ code: 'invalid-answer' });
    expect(opened).toEqual([]);
  });

  it('has the browser adapter refuse such links too', async () => {
    const created: string[] = [];
    fakeBrowser.tabs.create = (async (props: { url?: string }) => void created.push(props.url ?? '')) as never;
    await expect(openTab('data:text/html,<script>1</script>')).rejects.toThrow(/only http and https/);
    await expect(openTab('chrome-extension://abc/sidepanel.html')).rejects.toThrow(/only http and https/);
    await openTab('https://ok.example/');
    expect(created).toEqual(['https://ok.example/']);
  });
});

describe('what a server cannot make the card show', () => {
  it('keeps a long message to a readable length', () => {
    const arrival = elicitationArrival({ message: 'x'.repeat(MAX_MESSAGE_CHARS + 500), requestedSchema: { type: 'object', properties: {} } });
    expect((arrival.params.message as string).length).toBe(MAX_MESSAGE_CHARS);
  });

  it('keeps only the known parts of a URL request', () => {
    const arrival = elicitationArrival({ mode: 'url', message: 'Go', elicitationId: 'e', url: 'https://a.example/', requestedSchema: { evil: true }, extra: '<script>' });
    expect(arrival.params).toEqual({ mode: 'url', message: 'Go', elicitationId: 'e', url: 'https://a.example/' });
  });
});

describe('the -32042 retry', () => {
  const fakeBroker = (answers: Array<'accept' | 'decline'>) => {
    const opened: Array<Pick<IncomingServerRequest, 'kind' | 'params' | 'refuse'>> = [];
    return {
      opened,
      broker: {
        open: async (request: IncomingServerRequest) => {
          opened.push({ kind: request.kind, params: request.params, refuse: request.refuse });
          return request.refuse ? request.refuse.reply : { type: 'result' as const, result: { action: answers.shift() ?? 'decline' } };
        },
      },
    };
  };
  const completions = { wait: async () => undefined };
  const connector = { id: 'c1', label: 'Asker', url: 'https://asker.example/mcp' };

  it('passes other errors through untouched and asks nobody', async () => {
    const { broker, opened } = fakeBroker([]);
    const retry = urlElicitationRetry(broker, completions);
    await expect(retry(connector, undefined, async () => { throw new McpError(ErrorCode.InternalError, 'boom'); })).rejects.toThrow('boom');
    expect(opened).toEqual([]);
  });

  it('refuses a server that asks for more than three links at once', async () => {
    const { broker, opened } = fakeBroker(['accept']);
    const links = Array.from({ length: 4 }, (_, i) => ({ mode: 'url' as const, message: 'Go', elicitationId: `e${i}`, url: `https://a.example/${i}` }));
    await expect(urlElicitationRetry(broker, completions)(connector, undefined, async () => { throw new UrlElicitationRequiredError(links); })).rejects.toBeInstanceOf(UrlElicitationRequiredError);
    expect(opened).toEqual([]);
  });

  it('declines a javascript: link without asking, and ends the call saying why', async () => {
    const { broker, opened } = fakeBroker(['accept']);
    let calls = 0;
    const call = async () => {
      calls += 1;
      throw new UrlElicitationRequiredError([{ mode: 'url', message: 'Go', elicitationId: 'e', url: 'javascript:alert(1)' }]);
    };
    await expect(urlElicitationRetry(broker, completions)(connector, undefined, call)).rejects.toThrow(/needs you to open a link/);
    expect(opened[0]?.refuse?.outcome).toBe('refused');
    expect(calls).toBe(1);
  });

  it('sends the call again only once', async () => {
    const { broker } = fakeBroker(['accept', 'accept']);
    let calls = 0;
    const call = async () => {
      calls += 1;
      throw new UrlElicitationRequiredError([{ mode: 'url', message: 'Go', elicitationId: `e${calls}`, url: 'https://asker.example/link' }]);
    };
    await expect(urlElicitationRetry(broker, completions)(connector, undefined, call)).rejects.toBeInstanceOf(UrlElicitationRequiredError);
    expect(calls).toBe(2);
  });
});
