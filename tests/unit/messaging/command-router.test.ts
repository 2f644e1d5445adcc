import { describe, expect, it, vi } from 'vitest';
import { sendCommand } from '@/lib/messaging/command-client';
import { CommandError } from '@/lib/messaging/command-error';
import { COMMAND_CHANNEL } from '@/lib/messaging/command-protocol';
import { createCommandRouter, type CommandHandlers } from '@/lib/messaging/command-router';

const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };
const PANEL = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` };

/** The core commands; connector commands are not routed in these tests. */
function handlers(overrides: Partial<CommandHandlers> = {}): CommandHandlers {
  return <CommandHandlers>{
    ping: async () => ({ version: '1.0.0', workerStartedAt: 1, databaseReady: true }),
    'settings.get': async () => ({ baseUrl: 'https://api.openai.com/v1', model: '', api: 'chat-completions', apiKeyHint: null }),
    'settings.save': vi.fn(async (input) => ({ baseUrl: input.baseUrl, model: input.model, api: input.api ?? 'chat-completions', apiKeyHint: null })),
    'settings.checkEndpoint': async () => ({ ok: true, models: [], modelFound: null }),
    ...overrides,
  };
}

describe('command router', () => {
  it('leaves messages of other channels alone', () => {
    const route = createCommandRouter(handlers(), OWN);
    expect(route({ hello: 'world' }, PANEL)).toBeUndefined();
    expect(route(null, PANEL)).toBeUndefined();
  });

  it('refuses senders other than the extension itself', async () => {
    const all = handlers();
    const route = createCommandRouter(all, OWN);
    const reply = await route({ channel: COMMAND_CHANNEL, command: 'settings.save', payload: { baseUrl: 'https://a.test', model: 'm' } }, { id: 'evil' });
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    expect(all['settings.save']).not.toHaveBeenCalled();
  });

  it('refuses this extension\'s id from a web page (a content script) or with no page at all', async () => {
    const all = handlers();
    const route = createCommandRouter(all, OWN);
    const save = { channel: COMMAND_CHANNEL, command: 'settings.save', payload: { baseUrl: 'https://a.test', model: 'm' } };
    for (const sender of [{ id: EXTENSION_ID, url: 'https://evil.example/' }, { id: EXTENSION_ID }, { id: EXTENSION_ID, url: 'chrome-extension://other-id/x.html' }]) {
      expect(await route(save, sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(all['settings.save']).not.toHaveBeenCalled();
  });

  it('rejects an unknown command and a payload that fails its schema, without calling a handler', async () => {
    const all = handlers();
    const route = createCommandRouter(all, OWN);
    expect(await route({ channel: COMMAND_CHANNEL, command: 'nope', payload: {} }, PANEL)).toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    });
    expect(await route({ channel: COMMAND_CHANNEL, command: 'toString', payload: {} }, PANEL)).toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    });
    const bad = await route({ channel: COMMAND_CHANNEL, command: 'settings.save', payload: { baseUrl: 'file:///etc/passwd', model: 'm' } }, PANEL);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(all['settings.save']).not.toHaveBeenCalled();
    expect(await route({ channel: COMMAND_CHANNEL, command: 42 }, PANEL)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('turns a throwing handler into a failed reply', async () => {
    const route = createCommandRouter(handlers({ ping: async () => Promise.reject(new Error('disk on fire')) }), OWN);
    expect(await route({ channel: COMMAND_CHANNEL, command: 'ping', payload: {} }, PANEL)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk on fire' },
    });
  });

  it('refuses to answer with a result that breaks the protocol', async () => {
    const route = createCommandRouter(handlers({ ping: async () => ({ version: 3 }) as never }), OWN);
    expect(await route({ channel: COMMAND_CHANNEL, command: 'ping', payload: {} }, PANEL)).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });
});

describe('sendCommand through the router', () => {
  const through = (all: CommandHandlers) => {
    const route = createCommandRouter(all, OWN);
    return (message: unknown) => route(message, PANEL) ?? Promise.resolve(undefined);
  };

  it('returns the parsed result', async () => {
    expect(await sendCommand('ping', {}, through(handlers()))).toEqual({ version: '1.0.0', workerStartedAt: 1, databaseReady: true });
  });

  it('throws a CommandError with the code the background sent', async () => {
    const error = await sendCommand('settings.save', { baseUrl: 'nope', model: '' }, through(handlers())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).code).toBe('bad-request');
  });

  it('distrusts a malformed reply and a background that is gone', async () => {
    await expect(sendCommand('ping', {}, async () => ({ ok: 'yes' }))).rejects.toMatchObject({ code: 'bad-reply' });
    await expect(sendCommand('ping', {}, async () => ({ ok: true, result: { version: 1 } }))).rejects.toMatchObject({ code: 'bad-reply' });
    await expect(
      sendCommand('ping', {}, async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
    ).rejects.toMatchObject({ code: 'no-background' });
  });
});
