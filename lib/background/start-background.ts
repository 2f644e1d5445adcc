import { browser } from 'wxt/browser';
import { hasHostPermission } from '../browser/host-permissions';
import { extensionLocalArea } from '../browser/key-value-area';
import { syncOriginHeaderRules } from '../browser/origin-header-rules';
import { createOriginRuleSources } from '../browser/origin-rule-sources';
import { modelOriginRules } from '../settings/provider-settings';
import { configurePanelOpening } from '../browser/panel-opening';
import { openDatabase } from '../db/open-database';
import { createRepositories } from '../db/repositories';
import { createIdentityAuthorizationAdapter, oauthRedirectUris } from '../auth/identity-authorization-adapter';
import { OAuthStore } from '../auth/oauth-store';
import { ConnectorHub } from '../mcp/connector-hub';
import { createConnectorAuth } from '../mcp/auth/create-connector-auth';
import { ConnectorSecretsStore } from '../mcp/connectors/connector-secrets';
import { ProtocolLogWriter } from '../mcp/protocol-log/protocol-log-writer';
import { createCommandRouter } from '../messaging/command-router';
import { PanelPortHub } from '../messaging/panel-port-hub';
import { acceptWorkerChannels } from '../messaging/accept-worker-channels';
import type { PortLike } from '../messaging/port-like';
import { ApprovalSettingsStore } from '../settings/approval-settings-store';
import { ProviderSettingsStore } from '../settings/provider-settings-store';
import { createChatCommandHandlers } from './chat-command-handlers';
import { createTurnCommandHandlers } from './turn-command-handlers';
import { createChatEngine } from './chat-engine';
import type { AppPageOf } from '../chat/app-page-binding';
import { createCommandHandlers } from './command-handlers';
import { createConnectorCommandHandlers } from './connector-command-handlers';
import { createFileCommandHandlers } from './file-command-handlers';
import { HandRunJournal, recoverHandRuns } from './hand-run-journal';
import { deferHandlers } from './defer-handlers';
import { DATABASE_COMMANDS } from './database-commands';
import { createServerRequests } from '../requests/create-server-requests';
import { answerLostRequests } from '../requests/answer-lost-requests';
import type { ServerRequestRow } from '../contract/server-request';
import { createServerRequestHandlers } from './server-request-handlers';
import { openTab } from '../browser/open-tab';
import { samplingModelFromSettings } from './model-from-settings';
import { createContextCommandHandlers } from './context-command-handlers';
import { createPageCommandHandlers } from './page-command-handlers';
import { createIconCommandHandlers } from './icon-command-handlers';
import { createToolSwitchCommandHandlers } from './tool-switch-command-handlers';
import { IconCache } from '../mcp/icons/icon-cache';
import { createAppServices } from './app-services';
import { keepAppContext } from './keep-app-context';
import { createReportCardHandlers } from './report-card-handlers';
import { createEvalServices } from './eval-services';
import { createWorkbenchCallHandlers } from './create-workbench-call-handlers';

/**
 * Everything the background does at wake-up, synchronously: listeners must be registered in the
 * first turn of the event loop or Chrome drops the event that woke the worker.
 */
export function startBackground(): void {
  const workerStartedAt = Date.now();
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  let databaseReady = false;
  const panels = new PanelPortHub(own, workerStartedAt);
  const broadcast = panels.broadcast.bind(panels);
  const settings = new ProviderSettingsStore(extensionLocalArea());
  const approvals = new ApprovalSettingsStore(extensionLocalArea());
  // Connectors and the model endpoint share one set of Origin-removing session rules.
  const setOriginRules = createOriginRuleSources(syncOriginHeaderRules);
  void settings.read().then((saved) => setOriginRules('model', modelOriginRules(saved))).catch((error: unknown) => console.error('Patchbay: could not restore the model endpoint’s Origin rule', error));
  const core = createCommandHandlers({
    version: browser.runtime.getManifest().version,
    workerStartedAt,
    settings,
    approvals,
    isDatabaseReady: () => databaseReady,
    broadcast,
    redirectUris: oauthRedirectUris,
    setOriginRules,
  });
  // Connector and chat commands wait for the database; listeners below are registered synchronously.
  const late = openDatabase().then(async (db) => {
    databaseReady = true;
    const repositories = createRepositories(db);
    const secrets = new ConnectorSecretsStore(extensionLocalArea());
    const log = new ProtocolLogWriter(repositories.protocolLog);
    const requests = createServerRequests(db, repositories.serverRequests, { openTab, samplingModel: samplingModelFromSettings(() => settings.read()) });
    // Requests a dead worker left waiting end as `lost` (audited, with the reason) before any connector connects.
    const lost: ServerRequestRow[] = [];
    const lostSettled = requests.broker.settleLostAtWake(undefined, (row) => lost.push(row)).catch((error: unknown) => console.error('Patchbay: settling lost server requests failed', error));
    const oauthStore = new OAuthStore(extensionLocalArea());
    const auth = createConnectorAuth({ store: oauthStore, secrets, adapter: createIdentityAuthorizationAdapter() });
    // Set once the app services exist (they need the hub): a server's resources/list_changed drops its cached app pages.
    let forgetAppPages: (connectorId: string) => void = () => undefined;
    const hub = new ConnectorHub({
      connectors: repositories.connectors,
      secrets,
      fetch: (input, init) => fetch(input, init),
      hasHostPermission,
      auth,
      record: (id, event) => log.record(id, event),
      onStatus: (connectorId, status, version) => broadcast({ type: 'connector-status', connectorId, status, version }),
      syncOriginRules: (origins) => setOriginRules('connectors', origins),
      callsInFlight: requests.inFlight,
      serveRequests: requests.serveRequests,
      urlElicitationRetry: requests.urlElicitationRetry,
      onContextNotice: (connectorId, notice) => broadcast({ type: 'context-notice', connectorId, notice }),
      onResourcesChanged: (id) => forgetAppPages(id),
    });
    // Set once the app services exist too; until then a tool with an app finds its page unreadable and asks.
    let readAppPage: AppPageOf = async () => ({ ok: false, reason: 'The app page cache is not ready yet.' });
    const { engine, store } = createChatEngine({ db, hub, settings, approvals, broadcast, appPage: (id, tool) => readAppPage(id, tool) });
    // Hand runs a dead worker left without an outcome are audited as outcome-unknown.
    const journal = new HandRunJournal(extensionLocalArea());
    void recoverHandRuns(journal, repositories.decisions).catch((error: unknown) => console.error('Patchbay: recovering hand runs failed', error));
    // The worker woke: runs a dead worker left cut are recovered once the connectors are back.
    const hubStarted = lostSettled.then(() => hub.start());
    void hubStarted
      .then(() => {
        // Where a connector resumed the session a lost request came on, the server hears cancel.
        void answerLostRequests(lost, hub, repositories.serverRequests)
          .catch((error: unknown) => console.error('Patchbay: answering lost server requests failed', error))
          // Then the wake's prune of settled requests (after the lost ones are noted, off every answer's path).
          .then(() => requests.pruner.atWake(async (id) => (await db.connectors.get(id)) !== undefined));
        return engine.resumeRecent();
      }).catch((error: unknown) => console.error('Patchbay: resuming runs failed', error));
    const chat = createChatCommandHandlers({ db, store, engine, onRunError: (error) => console.error('Patchbay: a run failed', error) });
    const apps = createAppServices({ hub, repositories, approvals, record: (id, event) => log.record(id, event), send: chat['chat.send'], keepContext: keepAppContext(store, engine) });
    forgetAppPages = (id) => apps.resources.forget(id);
    readAppPage = (id, tool) => apps.resources.forTool(id, tool);
    // Commands wait until the hub knows every stored connector (it lists them, it does not wait for
    // them to connect): a command that a woken worker gets at once must not find "No connector".
    await hubStarted.catch(() => undefined);
    const connectorHandlers = createConnectorCommandHandlers({ hub, connectors: repositories.connectors, protocolLog: repositories.protocolLog, logWriter: log, secrets, audit: repositories.decisions, journal, broadcast });
    return {
      ...apps.handlers,
      ...connectorHandlers,
      ...createWorkbenchCallHandlers({ db, repositories, callTool: connectorHandlers['connectors.callTool'], secrets, oauth: oauthStore, settings, logWriter: log }),
      ...chat,
      ...createTurnCommandHandlers({ store, engine, onRunError: (error) => console.error('Patchbay: a run failed', error) }),
      ...createFileCommandHandlers({ db, protocolLog: repositories.protocolLog, logWriter: log }),
      ...createServerRequestHandlers(requests.broker),
      ...createContextCommandHandlers({ hub, connectors: repositories.connectors }),
      ...createIconCommandHandlers({ connectors: repositories.connectors, cache: new IconCache(extensionLocalArea()), fetch: (input, init) => fetch(input, init) }),
      ...createReportCardHandlers({ connectors: repositories.connectors, settings }),
      ...createEvalServices({ db, connectors: repositories.connectors, settings, onRunError: (error) => console.error('Patchbay: an eval run failed', error) }).handlers,
      ...createToolSwitchCommandHandlers({ connectors: repositories.connectors }),
    };
  });
  late.catch((error: unknown) => console.error('Patchbay: database failed to open', error));
  const route = createCommandRouter({ ...core, ...createPageCommandHandlers(), ...deferHandlers(DATABASE_COMMANDS, late) }, own);

  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  // The same commands on an open panel's port: the faster way, which the panel takes when it can.
  panels.serveCommands(route);
  browser.runtime.onConnect.addListener((port) => panels.accept(port as unknown as PortLike));
  // In Chrome, each panel's commands then come on a direct channel to this worker (Firefox: none).
  acceptWorkerChannels(globalThis, own, panels);
  configurePanelOpening();
}
