import { describe, expect, it, vi } from 'vitest';
import { AfterThisTask } from '@/lib/mcp/protocol-log/after-this-task';


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
