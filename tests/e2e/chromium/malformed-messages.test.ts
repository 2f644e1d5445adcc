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
