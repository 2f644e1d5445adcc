import { afterEach, describe, expect, it, vi } from 'vitest';

/** A reply the real checks accept. */
const PONG = { ok: true, result: { version: '1.0.0', workerStartedAt: 1, databaseReady: true } };

async function freshClient() {
  vi.resetModules();
  // Loaded ahead, so only the hold, never a slow first import, can keep a reply waiting below.
  await import('@/lib/messaging/command-reply-check');
  const gate = await import('@/lib/messaging/reply-check-gate');
  const { sendCommand } = await import('@/lib/messaging/command-client');
  return { ...gate, sendCommand };
}

/** Settles every promise (and chunk import) that can settle now, without waiting on a clock. */
const settled = async <T>(promise: Promise<T>) => {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe('the reply checks held for the first screen', () => {
  afterEach(() => vi.resetModules());

  // First: it also shows that `settled` waits long enough for an unheld reply to be checked.
  it('holds nothing where no page asked for it', async () => {
    const { sendCommand } = await freshClient();
    expect(await settled(sendCommand('ping', {}, async () => PONG))).toBe('resolved');
  });

  it('sends the command at once, and returns its reply only checked, once released', async () => {
    const { holdReplyChecks, releaseReplyChecks, sendCommand } = await freshClient();
    holdReplyChecks(60_000);
    const sent: unknown[] = [];
    const good = sendCommand('ping', {}, async (message) => (sent.push(message), PONG));
    const bad = sendCommand('ping', {}, async () => ({ ok: true, result: { version: 1 } }));
    expect(sent).toHaveLength(1);
    expect(await settled(good)).toBe('pending');
    expect(await settled(bad)).toBe('pending');
    releaseReplyChecks();
    await expect(good).resolves.toEqual(PONG.result);
    await expect(bad).rejects.toMatchObject({ code: 'bad-reply' });
  });

  it('lets the checks load after the cap when the first screen never says it is drawn', async () => {
    const { holdReplyChecks, sendCommand } = await freshClient();
    holdReplyChecks(30);
    await expect(sendCommand('ping', {}, async () => PONG)).resolves.toEqual(PONG.result);
  });

});
