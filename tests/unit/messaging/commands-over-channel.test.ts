import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackgroundLink } from '@/lib/messaging/background-link';
import type { ChannelPortLike } from '@/lib/messaging/channel-port-like';
import { sendCommand } from '@/lib/messaging/command-client';
import { createCommandRouter, type CommandHandlers } from '@/lib/messaging/command-router';
import { PanelPortHub } from '@/lib/messaging/panel-port-hub';
import type { PortLike } from '@/lib/messaging/port-like';
import { createFakePortPair } from './fake-port-pair';

const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };
const PANEL_URL = `${OWN.origin}sidepanel.html`;
const SAVED = { baseUrl: 'https://a.test', model: 'm', api: 'chat-completions', apiKeyHint: null };

/**
 * A worker whose hub answers on the runtime port and on direct channels (real `MessageChannel`s,
 * asynchronous as in the browser), through the real router; it counts what each way carried.
 */
function worker(workerStartedAt = 1) {
  const handled: string[] = [];
  const onPort: string[] = [];
  let answer: (() => void) | null = null;
  const hub = new PanelPortHub(OWN, workerStartedAt);
  hub.serveCommands(
    createCommandRouter(
      {
        ping: async () => (handled.push('ping'), { version: '1.0.0', workerStartedAt, databaseReady: true }),
        'settings.save': async () => {
          handled.push('settings.save');
          await new Promise<void>((resolve) => (answer = resolve));
          return SAVED;
        },
      } as unknown as CommandHandlers,
      OWN,
    ),
  );
  const ports: PortLike[] = [];
  const channels: ChannelPortLike[] = [];
  let deaf = false;
  let closedByPanel = 0;
  return {
    hub,
    closedByPanel: () => closedByPanel,
    handled,
    onPort,
    answer: () => answer?.(),
    connect(name: string): PortLike {
      const { panelEnd, backgroundEnd } = createFakePortPair(name, EXTENSION_ID);
      backgroundEnd.onMessage.addListener((message) => onPort.push((message as { type: string }).type));
      ports.push(backgroundEnd);
      hub.accept(backgroundEnd);
      return panelEnd;
    },
    /** The far end of a new channel goes to this worker, as `openWorkerChannel` posts it. */
    async openChannel(): Promise<ChannelPortLike> {
      const { port1, port2 } = new MessageChannel();
      const far = port2 as unknown as ChannelPortLike;
      channels.push(far, port1 as unknown as ChannelPortLike);
      port2.once('close', () => (closedByPanel += 1));
      hub.acceptChannel(
        {
          postMessage: (message) => far.postMessage(message),
          close: () => far.close(),
          // A dead worker's end: what the panel posts reaches nobody.
          set onmessage(listener: ChannelPortLike['onmessage']) {
            far.onmessage = listener && ((event) => (deaf ? undefined : listener(event)));
          },
          get onmessage() {
            return far.onmessage;
          },
        },
        { id: EXTENSION_ID, url: PANEL_URL },
      );
      return port1 as unknown as ChannelPortLike;
    },
    dieUnnoticed: () => void (deaf = true),
    kill: () => ports.forEach((port) => port.disconnect()),
    close: () => channels.forEach((channel) => channel.close()),
  };
}

let link: BackgroundLink | null = null;
let bg: ReturnType<typeof worker> | null = null;
afterEach(() => {
  link?.stop();
  bg?.close();
  link = bg = null;
});

async function linked(background: ReturnType<typeof worker>, openChannel = () => background.openChannel()): Promise<BackgroundLink> {
  bg = background;
  link = new BackgroundLink((name) => background.connect(name), openChannel);
  link.start();
  await vi.waitFor(() => expect(link!.snapshot.status).toBe('connected'));
  return link;
}

/** Waits until a command sent now goes on the channel (the worker has said it took it). */
async function channelReady(background: ReturnType<typeof worker>): Promise<void> {
  await vi.waitFor(async () => {
    const before = background.onPort.length;
    await sendCommand('ping', {});
    expect(background.onPort.slice(before)).not.toContain('command');
  });
}

describe('commands on the direct channel to the worker', () => {
  it('travel on the channel once the worker that answered the port takes it, through the same router', async () => {
    const background = worker();
    await linked(background);
    await channelReady(background);
    const before = background.onPort.length;
    await expect(sendCommand('ping', {})).resolves.toEqual({ version: '1.0.0', workerStartedAt: 1, databaseReady: true });
    // The router's checks hold on the channel: a bad payload is refused and nothing runs.
    await expect(sendCommand('settings.save', { baseUrl: 42 } as never)).rejects.toMatchObject({ code: 'bad-request' });
    expect(background.onPort.slice(before)).toEqual([]);
    expect(background.handled.filter((name) => name === 'settings.save')).toEqual([]);
  });

  it('stay on the port when the channel was taken by another worker than the one the port reached', async () => {
    const background = worker(1);
    const other = worker(2);
    await linked(background, () => other.openChannel());
    // The other worker answers the channel's hello; the link closes it and never uses it.
    await vi.waitFor(() => expect(other.closedByPanel()).toBe(1));
    await sendCommand('ping', {});
    expect(background.onPort).toContain('command');
    expect(other.handled).toEqual([]);
    other.close();
  });

  it('still get an answer the worker sent just before its port closed', async () => {
    const background = worker();
    await linked(background);
    await channelReady(background);
    const pending = sendCommand('settings.save', { baseUrl: 'https://a.test', model: 'm' });
    await vi.waitFor(() => expect(background.handled).toContain('settings.save'));
    const oneOff = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    // The reply is on the channel when the port's disconnect arrives (the worker died right after).
    background.answer();
    await Promise.resolve();
    background.kill();
    await expect(pending).resolves.toMatchObject(SAVED);
    expect(oneOff).not.toHaveBeenCalled();
  });

  it('fail as no-background, and are not sent again, when the worker had them and died before answering', async () => {
    const background = worker();
    await linked(background);
    await channelReady(background);
    const oneOff = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const pending = sendCommand('settings.save', { baseUrl: 'https://a.test', model: 'm' });
    await vi.waitFor(() => expect(background.handled).toContain('settings.save'));
    background.kill();
    await expect(pending).rejects.toMatchObject({ code: 'no-background' });
    expect(oneOff).not.toHaveBeenCalled();
  });

  it('go again as a one-off message when the worker died before it received them', async () => {
    const background = worker();
    await linked(background);
    await channelReady(background);
    const oneOff = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, result: { version: '2.0.0', workerStartedAt: 2, databaseReady: true } });
    background.dieUnnoticed();
    const pending = sendCommand('ping', {});
    background.kill();
    await expect(pending).resolves.toMatchObject({ version: '2.0.0' });
    expect(oneOff).toHaveBeenCalledTimes(1);
  });
});
