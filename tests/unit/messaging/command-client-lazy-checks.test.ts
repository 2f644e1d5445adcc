import { afterEach, describe, expect, it, vi } from 'vitest';

/** A reply the real checks accept. */
const PONG = { ok: true, result: { version: '1.0.0', workerStartedAt: 1, databaseReady: true } };

describe('the command client’s lazily loaded reply checks', () => {
  afterEach(() => {
    vi.doUnmock('@/lib/messaging/command-reply-check');
    vi.resetModules();
  });

  it('a reply is never returned unchecked, and a check chunk that failed to load is fetched again', async () => {
    let loads = 0;
    vi.doMock('@/lib/messaging/command-reply-check', async (importOriginal) => {
      loads += 1;
      if (loads === 1) throw new Error('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    const { sendCommand } = await import('@/lib/messaging/command-client');
    await expect(sendCommand('ping', {}, async () => PONG)).rejects.toThrow();
    await expect(sendCommand('ping', {}, async () => PONG)).resolves.toEqual(PONG.result);
    await expect(sendCommand('ping', {}, async () => ({ ok: true, result: { version: 1 } }))).rejects.toMatchObject({ code: 'bad-reply' });
    expect(loads).toBe(2);
  });
});
