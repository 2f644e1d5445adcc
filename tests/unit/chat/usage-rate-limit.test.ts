import { afterEach, describe, expect, it } from 'vitest';
import { ModelRateLimitedError } from '@/lib/llm/model-errors';
import { RATE_LIMIT_MAX_RETRIES, rateLimitWait } from '@/lib/chat/rate-limit';
import { byType, startWithFakeModel, until, type Harness } from './engine-harness';
import { text, type FakeModel } from './fake-model';

let h: Harness;
let model: FakeModel;
afterEach(async () => {
  await h?.close();
  h = undefined as never;
});

async function start(): Promise<void> {
  ({ h, model } = await startWithFakeModel());
}

const limited = (retryAfterMs: number | null) => ({ fail: new ModelRateLimitedError('Rate limited (test).', retryAfterMs) });

describe('usage', () => {
  it('stores the tokens the model reported on its answer', async () => {
    await start();
    model.script({ events: [{ type: 'text-delta', text: 'Hi' }, { type: 'usage', inputTokens: 12, outputTokens: 3 }, { type: 'finish', reason: 'stop' }] });
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    expect((await h.history())[1]!.usage).toEqual({ inputTokens: 12, outputTokens: 3 });
  });
});

describe('rate limits', () => {
  it('waits as told and asks again, leaving no empty answer behind', async () => {
    await start();
    model.script(limited(5), limited(5), text('Finally.'));
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    expect(outcome.error).toBeNull();
    expect(model.requests).toHaveLength(3);
    const history = await h.history();
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(byType(history[1]!.parts, 'text')[0]!.text).toBe('Finally.');
    const waits = h.events.filter((e) => e.type === 'rate-limited');
    expect(waits).toHaveLength(2);
    expect(waits[0]).toMatchObject({ conversationId: h.conversationId, retryAt: expect.any(Number) });
  });

  it(`gives up after ${RATE_LIMIT_MAX_RETRIES} retries with the error part`, async () => {
    await start();
    model.script(limited(1), limited(1), limited(1), limited(1));
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    expect(outcome.error).toBeInstanceOf(ModelRateLimitedError);
    expect(model.requests).toHaveLength(RATE_LIMIT_MAX_RETRIES + 1);
    const history = await h.history();
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(history[1]!.parts.map((p) => p.type)).toEqual(['error']);
    expect(byType(history[1]!.parts, 'error')[0]).toMatchObject({ code: 'rate-limited' });
  });

  it('stops waiting at Stop and says so', async () => {
    await start();
    model.script(limited(30_000));
    const run = h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    await until(() => h.events.some((e) => e.type === 'rate-limited'));
    const started = Date.now();
    await h.engine.stop(h.conversationId);
    const outcome = await run;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    expect(byType(await h.lastParts(), 'error')[0]).toMatchObject({ code: 'cancelled', status: { reason: { code: 'cancelled' } } });
    expect(model.requests).toHaveLength(1);
  });

  it('waits only for a 429, only up to a minute, and backs off when the server named no time', () => {
    expect(rateLimitWait(new ModelRateLimitedError('x', 60_000), 0)).toBe(60_000);
    expect(rateLimitWait(new ModelRateLimitedError('x', 60_001), 0)).toBeNull();
    expect(rateLimitWait(new ModelRateLimitedError('x', null), 0)).toBe(2_000);
    expect(rateLimitWait(new ModelRateLimitedError('x', null), 2)).toBe(8_000);
    expect(rateLimitWait(new ModelRateLimitedError('x', 1), RATE_LIMIT_MAX_RETRIES)).toBeNull();
    expect(rateLimitWait(new Error('x'), 0)).toBeNull();
  });
});
