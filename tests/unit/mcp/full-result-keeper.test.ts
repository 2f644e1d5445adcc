import { describe, expect, it } from 'vitest';
import { FullResultKeeper } from '@/lib/mcp/session/full-result-keeper';

const result = (text: string) => ({ content: [{ type: 'text' as const, text }] });

describe('FullResultKeeper', () => {
  it('gives back every byte of a kept result', () => {
    const keeper = new FullResultKeeper(1_000, 5);
    const big = 'x'.repeat(900);
    keeper.keep('a', result(big), 900);
    expect(JSON.parse(keeper.json('a')!)).toEqual(result(big));
    expect(keeper.json('unknown')).toBeNull();
  });

  it('drops the oldest results once the byte budget is spent', () => {
    const keeper = new FullResultKeeper(1_000, 5);
    keeper.keep('a', result('a'), 400);
    keeper.keep('b', result('b'), 400);
    keeper.keep('c', result('c'), 400);
    expect(keeper.json('a')).toBeNull();
    expect(keeper.json('b')).not.toBeNull();
    expect(keeper.json('c')).not.toBeNull();
  });

  it('drops the oldest results beyond the count, and keeps one result larger than the budget', () => {
    const keeper = new FullResultKeeper(1_000, 2);
    keeper.keep('a', result('a'), 1);
    keeper.keep('b', result('b'), 1);
    keeper.keep('c', result('c'), 1);
    expect(keeper.json('a')).toBeNull();
    keeper.keep('huge', result('h'), 5_000);
    expect(keeper.json('huge')).not.toBeNull();
    expect(keeper.json('b')).toBeNull();
    expect(keeper.json('c')).toBeNull();
  });
});
