import { browser } from 'wxt/browser';
import { extensionLocalArea } from '../browser/key-value-area';
import { configurePanelOpening } from '../browser/panel-opening';
import { openDatabase } from '../db/open-database';
import { createCommandRouter } from '../messaging/command-router';
import { PanelPortHub } from '../messaging/panel-port-hub';
import type { PortLike } from '../messaging/port-like';
import { ProviderSettingsStore } from '../settings/provider-settings-store';
import { createCommandHandlers } from './command-handlers';

/**
 * Everything the background does at wake-up, synchronously: listeners must be registered in the
 * first turn of the event loop or Chrome drops the event that woke the worker.
 */
export function startBackground(): void {
  const workerStartedAt = Date.now();
  const extensionId = browser.runtime.id;
  let databaseReady = false;
  openDatabase().then(
    () => (databaseReady = true),
    (error: unknown) => console.error('Patchbay: database failed to open', error),
  );

  const panels = new PanelPortHub(extensionId, workerStartedAt);
  const handlers = createCommandHandlers({
    version: browser.runtime.getManifest().version,
    workerStartedAt,
    settings: new ProviderSettingsStore(extensionLocalArea()),
    isDatabaseReady: () => databaseReady,
    broadcast: (event) => panels.broadcast(event),
  });
  const route = createCommandRouter(handlers, extensionId);

  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  browser.runtime.onConnect.addListener((port) => panels.accept(port as unknown as PortLike));
  configurePanelOpening();
}
