import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackgroundLink, type LinkState } from '@/lib/messaging/background-link';
import { PanelPortHub } from '@/lib/messaging/panel-port-hub';
import { PANEL_PING_INTERVAL_MS, PANEL_PORT_NAME } from '@/lib/messaging/panel-port-protocol';
import type { PortLike } from '@/lib/messaging/port-like';
import { createFakePortPair } from './fake-port-pair';

const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };

/** A background that can die and come back with a new start time, as a Chrome worker does. */
function fakeBackground() {
  let generation = 1;
  let hub = new PanelPortHub(OWN, generation);
  let alive = true;
  const panelEnds: PortLike[] = [];
  const backgroundEnds: PortLike[] = [];
  return {
    connect(name: string): PortLike {
      if (!alive) hub = new PanelPortHub(OWN, ++generation);
      alive = true;
      const { panelEnd, backgroundEnd } = createFakePortPair(name, EXTENSION_ID);
      panelEnds.push(panelEnd);
      backgroundEnds.push(backgroundEnd);
      hub.accept(backgroundEnd);
      return panelEnd;
    },
    kill() {
      alive = false;
      for (const end of backgroundEnds.splice(0)) end.disconnect();
    },
    /** How many panels a broadcast from the current worker reaches. */
    panelsReached(): number {
      let reached = 0;
      for (const end of panelEnds) {
        end.onMessage.addListener((message) => {
          if ((message as { type?: string }).type === 'settings-changed') reached += 1;
        });
      }
      hub.broadcast({ type: 'settings-changed' });
      return reached;
    },
  };
}

describe('BackgroundLink', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('connects, then reconnects after the worker dies and starts a new session', async () => {
    const background = fakeBackground();
    const link = new BackgroundLink((name) => background.connect(name));
    const states: LinkState['status'][] = [];
    link.onState((state) => states.push(state.status));
    link.start();
    expect(link.snapshot).toMatchObject({ status: 'connected', session: 1, workerStartedAt: 1 });

    background.kill();
    expect(link.snapshot.status).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(100);
    expect(link.snapshot).toMatchObject({ status: 'connected', session: 2, workerStartedAt: 2 });
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
    link.stop();
  });

  it('keeps pinging while open so the worker is not idled out', async () => {
    const background = fakeBackground();
    const connect = vi.fn((name: string) => background.connect(name));
    const link = new BackgroundLink(connect);
    const pongs: unknown[] = [];
    link.onEvent((event) => event.type === 'pong' && pongs.push(event));
    link.start();
    await vi.advanceTimersByTimeAsync(PANEL_PING_INTERVAL_MS * 3);
    expect(pongs).toHaveLength(4);
    expect(connect).toHaveBeenCalledTimes(1);
    link.stop();
  });

  it('backs off while the background cannot be reached', async () => {
    const connect = vi.fn((): PortLike => {
      throw new Error('Extension context invalidated.');
    });
    const link = new BackgroundLink(connect);
    link.start();
    await vi.advanceTimersByTimeAsync(100 + 250 + 500 + 1_000);
    expect(connect).toHaveBeenCalledTimes(5);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(connect).toHaveBeenCalledTimes(5);
    link.stop();
  });

  it('drops a malformed event from the background without telling views or changing state', () => {
    const { panelEnd, backgroundEnd } = createFakePortPair(PANEL_PORT_NAME, EXTENSION_ID);
    const link = new BackgroundLink(() => panelEnd);
    const events: unknown[] = [];
    link.onEvent((event) => events.push(event));
    link.start();
    for (const junk of [{ type: 'pong' }, { type: 'pong', sentAt: 'x', workerStartedAt: 1 }, { type: 'drop-tables' }, 'text', null]) {
      backgroundEnd.postMessage(junk);
    }
    expect(events).toEqual([]);
    expect(link.snapshot).toMatchObject({ status: 'connecting', session: 0 });
    backgroundEnd.postMessage({ type: 'pong', sentAt: 1, workerStartedAt: 9 });
    expect(events).toEqual([{ type: 'pong', sentAt: 1, workerStartedAt: 9 }]);
    expect(link.snapshot).toMatchObject({ status: 'connected', session: 1, workerStartedAt: 9 });
    link.stop();
  });

  it('stops reconnecting once stopped', async () => {
    const background = fakeBackground();
    const connect = vi.fn((name: string) => background.connect(name));
    const link = new BackgroundLink(connect);
    link.start();
    link.stop();
    background.kill();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(background.panelsReached()).toBe(0);
  });
});
