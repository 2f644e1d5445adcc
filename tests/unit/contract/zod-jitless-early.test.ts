import { describe, expect, it, vi } from 'vitest';

describe('zod configured before it is loaded', () => {
  it('a zod imported after the early config runs jitless', async () => {
    vi.resetModules();
    delete (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig;
    await import('@/lib/contract/zod-jitless-early');
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
  });
});
