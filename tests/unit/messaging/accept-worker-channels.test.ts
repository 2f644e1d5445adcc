import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptWorkerChannels } from '@/lib/messaging/accept-worker-channels';
import { COMMAND_CHANNEL_HELLO, type ChannelPortLike } from '@/lib/messaging/channel-port-like';
import { openWorkerChannel } from '@/lib/messaging/open-worker-channel';
import { PanelPortHub } from '@/lib/messaging/panel-port-hub';

const OWN = { id: 'patchbay-test-id', origin: 'chrome-extension://patchbay-test-id/' };
const PANEL_URL = `${OWN.origin}sidepanel.html`;

/** A stand-in for `ServiceWorkerGlobalScope`, so the guard sees a service worker. */
class FakeServiceWorkerScope {
  listener: ((event: unknown) => void) | null = null;
  addEventListener(_type: 'message', listener: (event: unknown) => void) {
    this.listener = listener;
  }
}

function fakeChannel() {
  return { postMessage: vi.fn(), close: vi.fn(), onmessage: null } satisfies ChannelPortLike & Record<string, unknown>;
}

function hello(overrides: Record<string, unknown> = {}) {
  const channel = fakeChannel();
  return { channel, event: { data: { type: COMMAND_CHANNEL_HELLO }, origin: 'chrome-extension://patchbay-test-id', ports: [channel], source: { type: 'window', url: PANEL_URL }, ...overrides } };
}

let scope: FakeServiceWorkerScope;
const hub = { acceptChannel: vi.fn() };
beforeEach(() => {
  vi.stubGlobal('ServiceWorkerGlobalScope', FakeServiceWorkerScope);
  scope = new FakeServiceWorkerScope();
  hub.acceptChannel.mockReset();
  acceptWorkerChannels(scope, OWN, hub);
});
afterEach(() => vi.unstubAllGlobals());

describe('the worker takes a direct channel', () => {
  it('from a window of Patchbay’s own pages, bound to that page', () => {
    const { channel, event } = hello();
    scope.listener!(event);
    expect(hub.acceptChannel).toHaveBeenCalledWith(channel, { id: OWN.id, url: PANEL_URL });
  });

  it.each([
    ['another origin', { origin: 'https://evil.test' }],
    ['another extension', { origin: 'chrome-extension://other-id', source: { type: 'window', url: 'chrome-extension://other-id/sidepanel.html' } }],
    ['a page URL outside the extension', { source: { type: 'window', url: 'https://evil.test/sidepanel.html' } }],
    ['no source', { source: null }],
    ['a worker, not a window', { source: { type: 'worker', url: PANEL_URL } }],
    ['a URL that is not a string', { source: { type: 'window', url: { startsWith: () => true } } }],
  ])('and refuses one from %s, closing it', (_name, overrides) => {
    const { channel, event } = hello(overrides);
    scope.listener!(event);
    expect(hub.acceptChannel).not.toHaveBeenCalled();
    expect(channel.close).toHaveBeenCalled();
  });

  it('ignores other messages and a hello with two ports', () => {
    const { channel, event } = hello();
    scope.listener!({ ...event, data: { type: 'something-else' } });
    scope.listener!({ ...event, data: null });
    scope.listener!({ ...event, ports: [] });
    const second = fakeChannel();
    scope.listener!({ ...event, ports: [channel, second] });
    expect(hub.acceptChannel).not.toHaveBeenCalled();
    expect(second.close).toHaveBeenCalled();
  });

  it('listens in a service worker only: an event page (a window) gets no listener', () => {
    vi.unstubAllGlobals();
    const page = new FakeServiceWorkerScope();
    acceptWorkerChannels(page, OWN, hub);
    expect(page.listener).toBeNull();
  });
});

describe('the hub on a channel', () => {
  it('says which worker took it, then answers pings on it', async () => {
    const channel = fakeChannel();
    new PanelPortHub(OWN, 42).acceptChannel(channel, { id: OWN.id, url: PANEL_URL });
    expect(channel.postMessage).toHaveBeenCalledWith({ type: 'channel-ready', workerStartedAt: 42 });
    (channel.onmessage as unknown as (event: { data: unknown }) => void)({ data: { type: 'ping', sentAt: 1 } });
    expect(channel.postMessage).toHaveBeenLastCalledWith({ type: 'pong', sentAt: 1, workerStartedAt: 42 });
  });

  it('sends a reply structured clone cannot carry as its JSON copy, as a runtime port would', () => {
    const channel = fakeChannel();
    channel.postMessage.mockImplementation((message: unknown) => {
      structuredClone(message);
    });
    const hub = new PanelPortHub(OWN, 1);
    hub.serveCommands(async () => ({ ok: true, result: { when: { toJSON: () => 'then' }, run: () => undefined } }));
    hub.acceptChannel(channel, { id: OWN.id, url: PANEL_URL });
    (channel.onmessage as unknown as (event: { data: unknown }) => void)({ data: { type: 'command', requestId: 'c1', message: {} } });
    return vi.waitFor(() => expect(channel.postMessage).toHaveBeenLastCalledWith({ type: 'command-reply', requestId: 'c1', reply: { ok: true, result: { when: 'then' } } }));
  });
});

describe('the panel opens a direct channel', () => {
  it('to the active worker, sending it the far end', async () => {
    const postMessage = vi.fn();
    const port = await openWorkerChannel({ getRegistration: async () => ({ active: { postMessage } }) });
    expect(port).not.toBeNull();
    expect(postMessage).toHaveBeenCalledWith({ type: COMMAND_CHANNEL_HELLO }, [expect.anything()]);
    port!.close();
    (postMessage.mock.calls[0]![1] as ChannelPortLike[])[0]!.close();
  });

  it('not at all where there is no service worker (Firefox’s event page) or none is active', async () => {
    await expect(openWorkerChannel(undefined)).resolves.toBeNull();
    await expect(openWorkerChannel({ getRegistration: async () => undefined })).resolves.toBeNull();
    await expect(openWorkerChannel({ getRegistration: async () => ({ active: null }) })).resolves.toBeNull();
    await expect(openWorkerChannel({ getRegistration: () => Promise.reject(new Error('SecurityError')) })).resolves.toBeNull();
  });
});
