import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../e2e/harness/chromium';
import { PanelPage } from '../e2e/pages/panel-page';
import type { BenchExtension } from './bench-extension';
import type { BaselineApi } from './in-page/baseline-page';
import type { BenchProbes, OpenMarks } from './in-page/probes';

/** About the size of Chrome's side panel; the DOM and paint figures depend on the viewport. */
export const PANEL_VIEWPORT = { width: 420, height: 820 };

type Fn = (...args: never[]) => unknown;
type Result<F> = F extends Fn ? Awaited<ReturnType<F>> : never;
type Args<F> = F extends (...args: infer A) => unknown ? A : never;

/**
 * Calls a function of an in-page API by name with JSON arguments. A string expression rather than
 * a serialised closure: tsx names functions (`__name`), which would not exist in the page.
 */
async function callIn<Api, K extends keyof Api & string>(page: Page, global: string, name: K, args: Args<Api[K]>): Promise<Result<Api[K]>> {
  return page.evaluate(`window.${global}.${name}(...${JSON.stringify(args)})`) as Promise<Result<Api[K]>>;
}

/** The browser with the build under test, one long-lived panel, and the baseline page. */
export class BenchSession {
  private constructor(
    readonly chromium: ChromiumWithExtension,
    readonly extension: BenchExtension,
    readonly panel: PanelPage,
    readonly baseline: Page,
  ) {}

  static async start(extension: BenchExtension): Promise<BenchSession> {
    const chromium = await launchChromiumWithExtension({ extensionDir: extension.dir });
    const session = new BenchSession(chromium, extension, undefined as never, undefined as never);
    try {
      const panel = new PanelPage(await session.newPage('sidepanel.html'));
      await panel.waitForBackground();
      const baseline = await session.newPage('bench/baseline.html');
      await baseline.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      return Object.assign(session, { panel, baseline });
    } catch (error) {
      await chromium.close();
      throw error;
    }
  }

  /** A new tab at an extension path, side-panel sized, with the probes in place before any script. */
  async newPage(path: string, watch?: 'panel' | 'baseline', beforeGoto?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await this.chromium.context.newPage();
    await page.setViewportSize(PANEL_VIEWPORT);
    await page.addInitScript({ content: this.extension.probes + (watch ? `;window.__patchbayBench.watchOpen(${JSON.stringify(watch)});` : '') });
    await beforeGoto?.(page);
    await page.goto(this.chromium.extensionUrl(path));
    return page;
  }

  /** Opens a page cold and waits until the probe saw it interactive; returns it with its marks. */
  async openWatched(path: string, watch: 'panel' | 'baseline', beforeGoto?: (page: Page) => Promise<void>): Promise<{ page: Page; marks: Required<OpenMarks> }> {
    const page = await this.newPage(path, watch, beforeGoto);
    // Not waitForFunction: it evaluates strings, which the extension's CSP refuses.
    const marks = (await this.probe(page, 'whenOpen')) as Required<OpenMarks>;
    return { page, marks };
  }

  probe<K extends keyof BenchProbes & string>(page: Page, name: K, ...args: Args<BenchProbes[K]>): Promise<Result<BenchProbes[K]>> {
    return callIn<BenchProbes, K>(page, '__patchbayBench', name, args);
  }

  /** A command to the background from the long-lived panel, as the panel sends it. */
  command(name: string, payload: unknown): Promise<unknown> {
    return this.probe(this.panel.page, 'command', name, payload);
  }

  onBaseline<K extends keyof BaselineApi & string>(name: K, ...args: Args<BaselineApi[K]>): Promise<Result<BaselineApi[K]>> {
    return callIn<BaselineApi, K>(this.baseline, '__patchbayBaseline', name, args);
  }

  async close(): Promise<void> {
    await this.chromium.close();
  }
}
