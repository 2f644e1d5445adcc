import { describe, expect, it } from 'vitest';
import { CallsInFlight, type CallInFlight } from '@/lib/requests/calls-in-flight';
import { locateRequest } from '@/lib/requests/locate-request';

const chat = (conversationId: string, callId: string): CallInFlight => ({ type: 'chat-call', conversationId, callId, toolName: 'ask' });

/** Runs `check` while `callers` are in flight on connector c1 (each call waits on a gate). */
async function whileRunning(callers: CallInFlight[], check: (inFlight: CallsInFlight) => Promise<void>) {
  const inFlight = new CallsInFlight();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const calls = callers.map((caller) => inFlight.track('c1', caller, () => gate));
  await check(inFlight);
  release();
  await Promise.all(calls);
  expect(inFlight.on('c1')).toEqual([]);
}

const deps = (inFlight: CallsInFlight, used: boolean) => ({ inFlight, usedInConversation: async () => used });

describe('which call a server request belongs to', () => {
  it('is the one call running on that connector', async () => {
    await whileRunning([chat('v1', 'k1')], async (inFlight) => {
      expect(await locateRequest('c1', deps(inFlight, true))).toEqual({ origin: { type: 'chat-call', conversationId: 'v1', callId: 'k1' }, conversationId: 'v1', toolName: 'ask', unfamiliar: false });
    });
  });

  it('is a hand run, shown in its Run dialog and never marked unfamiliar', async () => {
    await whileRunning([{ type: 'hand-run', callId: 'h1', toolName: 'ask' }], async (inFlight) => {
      expect(await locateRequest('c1', deps(inFlight, false))).toEqual({ origin: { type: 'hand-run', callId: 'h1' }, conversationId: null, toolName: 'ask', unfamiliar: false });
    });
  });

  it('is none when nothing runs there: top of the Chat tab, unfamiliar', async () => {
    await whileRunning([], async (inFlight) => {
      expect(await locateRequest('c1', deps(inFlight, true))).toEqual({ origin: { type: 'none', conversationId: null }, conversationId: null, unfamiliar: true });
      // A call on another connector says nothing about this one.
      await inFlight.track('c2', chat('v1', 'k9'), async () => {
        expect((await locateRequest('c1', deps(inFlight, true))).origin.type).toBe('none');
      });
    });
  });

  it('is none when several calls run, kept in their conversation when they share one', async () => {
    await whileRunning([chat('v1', 'k1'), chat('v1', 'k2')], async (inFlight) => {
      expect(await locateRequest('c1', deps(inFlight, true))).toEqual({ origin: { type: 'none', conversationId: 'v1' }, conversationId: 'v1', unfamiliar: false });
    });
    await whileRunning([chat('v1', 'k1'), chat('v2', 'k2')], async (inFlight) => {
      expect(await locateRequest('c1', deps(inFlight, true))).toMatchObject({ origin: { type: 'none', conversationId: null }, unfamiliar: true });
    });
  });

  it('marks a chat call unfamiliar when the conversation never used the connector', async () => {
    await whileRunning([chat('v1', 'k1')], async (inFlight) => {
      expect((await locateRequest('c1', deps(inFlight, false))).unfamiliar).toBe(true);
    });
  });
});
