import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackgroundLink } from '@/lib/messaging/background-link';
import { PanelPortHub } from '@/lib/messaging/panel-port-hub';
import { BackgroundToPanelSchema, PANEL_PORT_NAME, type BackgroundToPanel } from '@/lib/messaging/panel-port-protocol';
import { createFakePortPair } from './fake-port-pair';

const RUNS = { numRuns: 200 };
const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };

/** Anything a buggy or hostile page could post, and valid messages bent out of shape. */
const junk = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.constantFrom('ping', 'pong', 'rejected', 'connector-status', '__proto__', 'constructor'), sentAt: fc.anything() }, { requiredKeys: ['type'] }),
  fc.double().map((sentAt) => ({ type: 'ping', sentAt })),
  fc.dictionary(fc.string(), fc.anything()).map((extra) => ({ ...extra, type: 'ping', sentAt: 1 })),
);

/** What the background could send if it had a bug: each event of the union, with fields swapped for anything. */
const backgroundish = fc.oneof(
  fc.anything(),
  fc.record({
    type: fc.constantFrom<BackgroundToPanel['type']>('pong', 'rejected', 'settings-changed', 'connector-status', 'tool-progress', 'run-state', 'rate-limited'),
    sentAt: fc.anything(),
    workerStartedAt: fc.anything(),
    connectorId: fc.anything(),
    status: fc.oneof(fc.anything(), fc.record({ state: fc.constantFrom('connected', 'connecting', 'error', 'needs-auth', 'bogus'), reason: fc.anything() })),
    version: fc.anything(),
    callId: fc.anything(),
    progress: fc.anything(),
  }, { requiredKeys: ['type'] }),
);

describe('the panel port, whatever arrives on it', () => {
  it('the background answers every message from its own panel with one event that parses, and never throws', () => {
    const hub = new PanelPortHub(OWN, 99);
    const { panelEnd, backgroundEnd } = createFakePortPair(PANEL_PORT_NAME, EXTENSION_ID);
    const received: unknown[] = [];
    panelEnd.onMessage.addListener((message) => received.push(message));
    hub.accept(backgroundEnd);
    fc.assert(
      fc.property(junk, (message) => {
        received.length = 0;
        panelEnd.postMessage(message);
        expect(received).toHaveLength(1);
        const reply = BackgroundToPanelSchema.parse(received[0]);
        if (reply.type === 'rejected') expect(reply.detail.trim()).not.toBe('');
        else expect(reply).toEqual({ type: 'pong', sentAt: (message as { sentAt: number }).sentAt, workerStartedAt: 99 });
      }),
      RUNS,
    );
    // Still served after all that: a broadcast reaches the panel.
    received.length = 0;
    hub.broadcast({ type: 'settings-changed' });
    expect(received).toEqual([{ type: 'settings-changed' }]);
  });

  it('the panel passes on only events that parse, never throws, and keeps its link', () => {
    const { panelEnd, backgroundEnd } = createFakePortPair(PANEL_PORT_NAME, EXTENSION_ID);
    const link = new BackgroundLink(() => panelEnd);
    const events: unknown[] = [];
    link.onEvent((event) => events.push(event));
    link.start();
    try {
      fc.assert(
        fc.property(backgroundish, (message) => {
          events.length = 0;
          backgroundEnd.postMessage(message);
          const parsed = BackgroundToPanelSchema.safeParse(message);
          expect(events).toEqual(parsed.success ? [parsed.data] : []);
        }),
        RUNS,
      );
      expect(link.snapshot.status).not.toBe('reconnecting');
    } finally {
      link.stop();
    }
  });
});
