import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackgroundLink } from '@/lib/messaging/background-link';
import { sendCommand } from '@/lib/messaging/command-client';
import { CommandError } from '@/lib/messaging/command-error';
import { COMMAND_CHANNEL } from '@/lib/messaging/command-protocol';
import { createCommandRouter, type CommandHandlers } from '@/lib/messaging/command-router';
import { PanelPortHub } from '@/lib/messaging/panel-port-hub';
import type { PortLike } from '@/lib/messaging/port-like';
import { createFakePortPair } from './fake-port-pair';

const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };

/** A background whose port hub answers commands through the real router, and counts them. */
function background() {
  const handled: string[] = [];
  let answer: (() => void) | null = null;
  const handlers = {
    ping: async () => {
      handled.push('ping');
      return { version: '1.0.0', workerStartedAt: 1, databaseReady: true };
    },
    'settings.save': async () => {
      handled.push('settings.save');
      // Answers only when the test says so, so a test can close the port first.
      await new Promise<void>((resolve) => (answer = resolve));
      return { baseUrl: 'https://a.test', model: 'm', api: 'chat-completions', apiKeyHint: null };
    },
  } as unknown as CommandHandlers;
  const hub = new PanelPortHub(OWN, 1);
  hub.serveCommands(createCommandRouter(handlers, OWN));
  const ends: PortLike[] = [];
  const deafeners: (() => void)[] = [];
  return {
    handled,
    answer: () => answer?.(),
    connect(name: string): PortLike {
      const { panelEnd, backgroundEnd, deafen } = createFakePortPair(name, EXTENSION_ID);
      ends.push(backgroundEnd);
      deafeners.push(deafen);
      hub.accept(backgroundEnd);
      return panelEnd;
    },
    kill: () => ends.forEach((end) => end.disconnect()),
    /** The worker is gone but the panel has not heard: what it posts now reaches nobody. */
    dieUnnoticed: () => deafeners.forEach((deafen) => deafen()),
  };
}

let link: BackgroundLink | null = null;
afterEach(() => link?.stop());

async function connected(bg: ReturnType<typeof background>): Promise<BackgroundLink> {
  link = new BackgroundLink((name) => bg.connect(name));
  link.start();
  await vi.waitFor(() => expect(link!.snapshot.status).toBe('connected'));
  return link;
}

describe('commands on the panel port', () => {
  it('travel on the open port, through the same router, instead of a one-off message', async () => {
    const bg = background();
    const oneOff = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await connected(bg);
    await expect(sendCommand('ping', {})).resolves.toEqual({ version: '1.0.0', workerStartedAt: 1, databaseReady: true });
    expect(bg.handled).toEqual(['ping']);
    expect(oneOff).not.toHaveBeenCalled();
  });

  it('still get the router’s checks: a bad payload is refused with its code', async () => {
    const bg = background();
    await connected(bg);
    await expect(sendCommand('settings.save', { baseUrl: 42 } as never)).rejects.toMatchObject({ code: 'bad-request' });
    expect(bg.handled).toEqual([]);
  });

  it('fail as no-background when the worker dies before it answers, and nothing else is left waiting', async () => {
    const bg = background();
    await connected(bg);
    const oneOff = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const pending = sendCommand('settings.save', { baseUrl: 'https://a.test', model: 'm' });
    await vi.waitFor(() => expect(bg.handled).toEqual(['settings.save']));
    bg.kill();
    await expect(pending).rejects.toBeInstanceOf(CommandError);
    await expect(pending).rejects.toMatchObject({ code: 'no-background' });
    // It reached the background and may have run: it is not sent again.
    expect(oneOff).not.toHaveBeenCalled();
    // A reply arriving after the port closed resolves nothing and throws nothing.
    bg.answer();
  });

  it('go again as a one-off message when the port died before the background received them', async () => {
    const bg = background();
    await connected(bg);
    const oneOff = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, result: { version: '2.0.0', workerStartedAt: 2, databaseReady: true } });
    bg.dieUnnoticed();
    const pending = sendCommand('ping', {});
    bg.kill();
    await expect(pending).resolves.toMatchObject({ version: '2.0.0' });
    expect(oneOff).toHaveBeenCalledTimes(1);
    expect(bg.handled).toEqual([]);
  });

  it('go as one-off messages while the port is not connected', async () => {
    const oneOff = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, result: { version: '2.0.0', workerStartedAt: 2, databaseReady: false } });
    link = new BackgroundLink(() => {
      throw new Error('no worker yet');
    });
    link.start();
    await expect(sendCommand('ping', {})).resolves.toMatchObject({ version: '2.0.0' });
    expect(oneOff).toHaveBeenCalledWith({ channel: COMMAND_CHANNEL, command: 'ping', payload: {} });
  });

  it('are refused from a port whose page is not Patchbay’s own, even with the extension’s id', async () => {
    const handled: string[] = [];
    const { panelEnd, backgroundEnd } = createFakePortPair('patchbay/panel', EXTENSION_ID, 'https://evil.test/page.html');
    const replies: unknown[] = [];
    panelEnd.onMessage.addListener((message) => replies.push(message));
    let closed = false;
    panelEnd.onDisconnect.addListener(() => (closed = true));
    const hub = new PanelPortHub(OWN, 1);
    hub.serveCommands(createCommandRouter({ ping: async () => (handled.push('ping'), { version: 'x', workerStartedAt: 0, databaseReady: true }) } as unknown as CommandHandlers, OWN));
    hub.accept(backgroundEnd);
    expect(closed).toBe(true);
    expect(() => panelEnd.postMessage({ type: 'command', requestId: 'c1', message: { channel: COMMAND_CHANNEL, command: 'ping', payload: {} } })).toThrow();
    expect(replies).toEqual([]);
    expect(handled).toEqual([]);
  });

  it('answer a malformed command message with rejected, not a reply', async () => {
    const bg = background();
    const port = bg.connect('patchbay/panel');
    const replies: { type: string }[] = [];
    port.onMessage.addListener((message) => replies.push(message as { type: string }));
    port.postMessage({ type: 'command', message: { channel: COMMAND_CHANNEL, command: 'ping', payload: {} } });
    port.postMessage({ type: 'command', requestId: 'c1', message: { channel: 'elsewhere' } });
    await vi.waitFor(() => expect(replies).toHaveLength(3));
    expect(replies[0]).toMatchObject({ type: 'rejected' });
    expect(replies[1]).toEqual({ type: 'command-received', requestId: 'c1' });
    expect(replies[2]).toMatchObject({ type: 'command-reply', requestId: 'c1', reply: { ok: false, error: { code: 'bad-request' } } });
    expect(bg.handled).toEqual([]);
  });
});
