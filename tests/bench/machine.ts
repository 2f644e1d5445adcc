import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';

/** The machine the figures were taken on; the load says how busy it was (the machine may be shared). */
export async function describeMachine(page: Page, loadAtStart: number) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
    return {
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      chromium: product,
      load: [loadAtStart, loadavg()[0]!].map((value) => Math.round(value * 100) / 100),
    };
  } finally {
    await cdp.detach();
  }
}
