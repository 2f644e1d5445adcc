import { describe, expect, it } from 'vitest';
import { PanelPortHub } from '@/lib/messaging/panel-port-hub';
import { PANEL_PORT_NAME } from '@/lib/messaging/panel-port-protocol';
import { createFakePortPair } from './fake-port-pair';

const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };

function connectPanel(hub: PanelPortHub, senderId = EXTENSION_ID, name = PANEL_PORT_NAME) {
  const { panelEnd, backgroundEnd } = createFakePortPair(name, senderId);
  const received: unknown[] = [];
  let disconnected = false;
  panelEnd.onMessage.addListener((m) => received.push(m));
  panelEnd.onDisconnect.addListener(() => (disconnected = true));
  hub.accept(backgroundEnd);
  return { panelEnd, received, isDisconnected: () => disconnected };
}

describe('PanelPortHub', () => {
  it('answers a ping with a pong carrying the worker start time', () => {
    const hub = new PanelPortHub(OWN, 1234);
    const panel = connectPanel(hub);
    panel.panelEnd.postMessage({ type: 'ping', sentAt: 7 });
    expect(panel.received).toEqual([{ type: 'pong', sentAt: 7, workerStartedAt: 1234 }]);
  });

  it('rejects malformed messages with an error and keeps serving the port', () => {
    const hub = new PanelPortHub(OWN, 1);
    const panel = connectPanel(hub);
    for (const junk of [{ type: 'drop-tables' }, 'text', null, 42, { type: 'ping' }, { type: 'ping', sentAt: '1' }]) {
      panel.panelEnd.postMessage(junk);
    }
    expect(panel.received).toHaveLength(6);
    for (const reply of panel.received) expect(reply).toMatchObject({ type: 'rejected', code: 'malformed-message' });
    panel.panelEnd.postMessage({ type: 'ping', sentAt: 1 });
    expect(panel.received.at(-1)).toEqual({ type: 'pong', sentAt: 1, workerStartedAt: 1 });
  });

  it('disconnects ports from other extensions and ignores ports with other names', () => {
    const hub = new PanelPortHub(OWN, 1);
    const stranger = connectPanel(hub, 'someone-else');
    expect(stranger.isDisconnected()).toBe(true);
    const other = connectPanel(hub, EXTENSION_ID, 'other-channel');
    other.panelEnd.postMessage({ type: 'ping', sentAt: 1 });
    hub.broadcast({ type: 'settings-changed' });
    expect(other.received).toEqual([]);
    expect(stranger.received).toEqual([]);
  });

  it('disconnects a port opened by a content script, even with this extension\'s id', () => {
    const hub = new PanelPortHub(OWN, 1);
    const { panelEnd, backgroundEnd } = createFakePortPair(PANEL_PORT_NAME, EXTENSION_ID, 'https://evil.example/page');
    let disconnected = false;
    const received: unknown[] = [];
    panelEnd.onDisconnect.addListener(() => (disconnected = true));
    panelEnd.onMessage.addListener((m) => received.push(m));
    hub.accept(backgroundEnd);
    expect(disconnected).toBe(true);
    hub.broadcast({ type: 'settings-changed' });
    expect(received).toEqual([]);
  });

  it('broadcasts to open panels only', () => {
    const hub = new PanelPortHub(OWN, 1);
    const open = connectPanel(hub);
    const closed = connectPanel(hub);
    closed.panelEnd.disconnect();
    hub.broadcast({ type: 'settings-changed' });
    expect(open.received).toEqual([{ type: 'settings-changed' }]);
    expect(closed.received).toEqual([]);
  });
});
