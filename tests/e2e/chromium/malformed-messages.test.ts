import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { pingBackground } from '../harness/service-worker';

/** Sends raw messages over a fresh panel port and collects what comes back. */
function exchangeOnPort({ messages, expectedReplies }: { messages: unknown[]; expectedReplies: number }) {
  return new Promise<unknown[]>((resolve) => {
    const replies: unknown[] = [];
    const port = chrome.runtime.connect({ name: 'patchbay/panel' });
    port.onMessage.addListener((reply: unknown) => {
      replies.push(reply);
      if (replies.length === expectedReplies) {
        port.disconnect();
        resolve(replies);
      }
    });
    for (const message of messages) port.postMessage(message);
  });
}

/** The same over a fresh direct channel to the service worker, as the panel opens it. */
async function exchangeOnChannel({ messages, expectedReplies }: { messages: unknown[]; expectedReplies: number }) {
  const worker = (await navigator.serviceWorker.getRegistration())!.active!;
  const { port1, port2 } = new MessageChannel();
  return new Promise<unknown[]>((resolve) => {
    const replies: unknown[] = [];
    port1.onmessage = ({ data }) => {
      replies.push(data);
      if (replies.length === expectedReplies) {
        port1.close();
        resolve(replies);
      }
    };
    worker.postMessage({ type: 'patchbay/command-channel' }, [port2]);
    for (const message of messages) port1.postMessage(message);
  });
}

describe('malformed messages to the background in Chromium', () => {
  const fixture = useChromiumPanel();

  it('rejects a malformed port message with an error and keeps serving the same port', async () => {
    const before = await pingBackground(fixture.panel.page);
    const replies = await fixture.panel.page.evaluate(exchangeOnPort, {
      messages: [{ type: 'launch-missiles' }, 'not even an object', { type: 'ping', sentAt: 'yesterday' }, { type: 'ping', sentAt: 42 }],
      expectedReplies: 4,
    });
    expect(replies.slice(0, 3)).toEqual([
      expect.objectContaining({ type: 'rejected', code: 'malformed-message' }),
      expect.objectContaining({ type: 'rejected', code: 'malformed-message' }),
      expect.objectContaining({ type: 'rejected', code: 'malformed-message' }),
    ]);
    expect(replies[3]).toEqual({ type: 'pong', sentAt: 42, workerStartedAt: before.result!.workerStartedAt });
    const after = await pingBackground(fixture.panel.page);
    expect(after.result!.workerStartedAt).toBe(before.result!.workerStartedAt);
  });

  it('does the same on the direct command channel, and routes its commands through the same checks', async () => {
    const before = await pingBackground(fixture.panel.page);
    const replies = await fixture.panel.page.evaluate(exchangeOnChannel, {
      messages: [
        { type: 'launch-missiles' },
        'not even an object',
        { type: 'command', requestId: 'c1', message: { channel: 'patchbay/command', command: 'settings.save', payload: { baseUrl: 'javascript:alert(1)' } } },
      ],
      expectedReplies: 5,
    });
    expect(replies).toEqual([
      { type: 'channel-ready', workerStartedAt: before.result!.workerStartedAt },
      expect.objectContaining({ type: 'rejected', code: 'malformed-message' }),
      expect.objectContaining({ type: 'rejected', code: 'malformed-message' }),
      { type: 'command-received', requestId: 'c1' },
      expect.objectContaining({ type: 'command-reply', requestId: 'c1', reply: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'bad-request' }) }) }),
    ]);
    expect((await pingBackground(fixture.panel.page)).result!.workerStartedAt).toBe(before.result!.workerStartedAt);
  });

  it('answers a malformed command with a bad-request error, not a crash', async () => {
    const reply = await fixture.panel.page.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'patchbay/command', command: 'settings.save', payload: { baseUrl: 'javascript:alert(1)' } }),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const unknown = await fixture.panel.page.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'patchbay/command', command: 'format.disk', payload: {} }),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect((await pingBackground(fixture.panel.page)).ok).toBe(true);
  });
});
