import { afterEach, describe, expect, it, vi } from 'vitest';
import { AfterThisTask } from '@/lib/mcp/protocol-log/after-this-task';

afterEach(() => vi.unstubAllGlobals());

describe('work after this task', () => {
  it('runs in order, in a later task, and settles once it has all run', async () => {
    const later = new AfterThisTask();
    const ran: number[] = [];
    later.run(() => ran.push(1));
    later.run(() => {
      ran.push(2);
      later.run(() => ran.push(3));
    });
    expect(ran).toEqual([]);
    await later.settled();
    expect(ran).toEqual([1, 2, 3]);
  });

  it('goes in a background-priority task where the scheduler exists, behind the messages already waiting', async () => {
    const postTask = vi.fn((task: () => void) => Promise.resolve().then(task));
    vi.stubGlobal('scheduler', { postTask });
    const later = new AfterThisTask();
    const ran: string[] = [];
    later.run(() => ran.push('logged'));
    later.run(() => ran.push('logged too'));
    await later.settled();
    expect(postTask).toHaveBeenCalledTimes(1);
    expect(postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'background' });
    expect(ran).toEqual(['logged', 'logged too']);
  });

  it('keeps going after a piece of work throws', async () => {
    const later = new AfterThisTask();
    const ran: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    later.run(() => {
      throw new Error('bad frame');
    });
    later.run(() => ran.push('next'));
    await later.settled();
    expect(ran).toEqual(['next']);
    expect(error).toHaveBeenCalled();
  });
});
