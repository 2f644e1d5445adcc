import { describe, expect, it } from 'vitest';
import { mergeNewestStatuses } from '@/components/connectors/merge-newest-statuses';

const connecting = { status: { state: 'connecting' as const, attempt: 0 }, version: 3 };
const connected = { status: { state: 'connected' as const, transport: 'sse' as const, since: 1 }, version: 4 };

describe('mergeNewestStatuses', () => {
  it('lets a snapshot that arrives after a fresher event leave the event in place', () => {
    const afterEvent = mergeNewestStatuses({}, { a: connected });
    expect(mergeNewestStatuses(afterEvent, { a: connecting, b: connecting })).toEqual({ a: connected, b: connecting });
  });

  it('takes news over what it had', () => {
    expect(mergeNewestStatuses({ a: connecting }, { a: connected })).toEqual({ a: connected });
  });
});
