import { expect, it, describe } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker, pingBackground } from '../harness/service-worker';
import { PanelPage } from '../pages/panel-page';

/**
 * Counts, from before the panel's first script, the commands the page posts on MessagePorts (the
 * direct channel) and on runtime ports. Playwright adds it as an init script.
 */
function countCommandCarriers() {
  const seen = { channel: 0, port: 0 };
  (globalThis as unknown as { __carriers: typeof seen }).__carriers = seen;
  const isCommand = (message: unknown) => (message as { type?: unknown } | null)?.type === 'command';
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: never[]) {
    if (isCommand(message)) seen.channel += 1;
    return post.call(this, message, ...rest);
  } as typeof post;
  const runtime = chrome.runtime as unknown as { connect(info: unknown): { postMessage(message: unknown): void } };
  const connect = runtime.connect.bind(runtime);
  runtime.connect = (info) => {
    const port = connect(info);
    const postOnPort = port.postMessage.bind(port);
    port.postMessage = (message) => {
      if (isCommand(message)) seen.port += 1;
      postOnPort(message);
    };
    return port;
  };
}

const carriers = (page: Page) => page.evaluate(() => ({ ...(globalThis as unknown as { __carriers: { channel: number; port: number } }).__carriers }));

describe('the panel’s commands in Chromium', () => {
  const fixture = useChromiumPanel();

  it('go on a direct channel to the service worker, and again on a new one after the worker restarts', async () => {
    const page = await fixture.chromium.context.newPage();
    await page.addInitScript(countCommandCarriers);
    await page.goto(fixture.chromium.extensionUrl('sidepanel.html'));
    const panel = new PanelPage(page);
    await panel.waitForBackground();
    // Opening Connectors asks the background for the connectors' statuses.
    await panel.openConnectors();
    await expect.poll(() => carriers(page).then((seen) => seen.channel), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await carriers(page);

    const { result } = await pingBackground(page);
    await killServiceWorker(page);
    await expect.poll(async () => (await pingBackground(page)).result?.workerStartedAt, { timeout: 10_000 }).not.toBe(result!.workerStartedAt);
    await panel.waitForBackground();
    // The panel's own traffic after the restart: Settings reads the stored settings by command.
    await expect
      .poll(async () => {
        await panel.openSettings();
        await panel.openConnectors();
        return (await carriers(page)).channel;
      }, { timeout: 15_000 })
      .toBeGreaterThan(before.channel);
    // Once the new channel is up, the panel's commands no longer touch the port.
    const settled = await carriers(page);
    await panel.openSettings();
    await panel.openConnectors();
    await expect.poll(() => carriers(page).then((seen) => seen.channel)).toBeGreaterThan(settled.channel);
    expect((await carriers(page)).port).toBe(settled.port);
    await page.close();
  });
});
