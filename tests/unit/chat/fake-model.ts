import type { ModelClient, ModelEvent, ModelRequest } from '@/lib/llm/model-events';
import { ModelCancelledError } from '@/lib/llm/model-errors';

/**
 * One scripted answer: events, then optionally a failure, or a hang that lasts until Stop (the
 * signal aborts) — a model caught mid-answer.
 */
export type FakeTurn = { events?: ModelEvent[]; fail?: Error; hang?: boolean };

export interface FakeModel {
  client: ModelClient;
  /** Every request the model received, in order. */
  requests: ModelRequest[];
  /** Resolves once the model has received `count` requests and played the last one's events (up to its hang). */
  requested(count: number): Promise<void>;
  script(...turns: FakeTurn[]): void;
}

export const text = (value: string): FakeTurn => ({ events: [{ type: 'text-delta', text: value }, { type: 'finish', reason: 'stop' }] });

/** A model with no server behind it: answers come from a queue, one per request. */
export function fakeModel(...initial: FakeTurn[]): FakeModel {
  const turns = [...initial];
  const requests: ModelRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const client: ModelClient = {
    async *stream(request, signal) {
      requests.push(structuredClone(request));
      const turn = turns.shift() ?? text('(no turn left)');
      yield* turn.events ?? [];
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
      if (turn.hang) {
        await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
        throw new ModelCancelledError();
      }
      if (turn.fail) throw turn.fail;
    },
  };
  return {
    client,
    requests,
    requested: (count) => (requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    script: (...more) => void turns.push(...more),
  };
}
