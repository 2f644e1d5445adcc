import type { SetOriginRules } from '../browser/origin-rule-sources';
import { checkModelEndpoint } from '../llm/check-model-endpoint';
import { probeOriginGuard } from '../llm/origin-guard-probe';
import type { CommandHandlers } from '../messaging/command-router';
import type { BackgroundToPanel } from '../messaging/panel-port-protocol';
import type { ApprovalSettingsStore } from '../settings/approval-settings-store';
import type { ProviderSettingsStore } from '../settings/provider-settings-store';
import { checkWithOriginProbe } from '../settings/check-with-origin-probe';
import { applyInput, modelOriginRules, viewOf } from '../settings/provider-settings';

/** What the handlers need from the running background; passed in so tests can supply fakes. */
export interface CommandHandlerDeps {
  version: string;
  workerStartedAt: number;
  settings: ProviderSettingsStore;
  approvals: ApprovalSettingsStore;
  isDatabaseReady(): boolean;
  broadcast(event: BackgroundToPanel): void;
  fetch?: typeof fetch;
  /** The OAuth redirect URI(s) of this browser (they come from the identity API). */
  redirectUris(): string[];
  /** The Origin-removing rules (shared with the connectors); absent where no browser is (unit tests). */
  setOriginRules?: SetOriginRules;
}

/** The commands about the background itself, the model provider settings and the approval settings. */
export type CoreCommandHandlers = Pick<
  CommandHandlers,
  'ping' | 'settings.get' | 'settings.save' | 'settings.checkEndpoint' | 'settings.approvals.get' | 'settings.approvals.save' | 'connectors.redirectUris'
>;

/** The background's answer to the core commands. */
export function createCommandHandlers(deps: CommandHandlerDeps): CoreCommandHandlers {
  return {
    ping: async () => ({
      version: deps.version,
      workerStartedAt: deps.workerStartedAt,
      databaseReady: deps.isDatabaseReady(),
    }),
    'settings.get': async () => viewOf(await deps.settings.read()),
    'settings.save': async (input) => {
      const saved = await deps.settings.save(input);
      await deps.setOriginRules?.('model', modelOriginRules(saved));
      deps.broadcast({ type: 'settings-changed' });
      return viewOf(saved);
    },
    'settings.checkEndpoint': async (input) =>
      checkWithOriginProbe(applyInput(await deps.settings.read(), input), {
        check: (settings) => checkModelEndpoint(settings, deps.fetch),
        guard: (settings) => probeOriginGuard(settings, deps.fetch),
        probeOrigins: async (origins) => deps.setOriginRules?.('model-probe', origins),
      }),
    'settings.approvals.get': () => deps.approvals.read(),
    'settings.approvals.save': async (input) => {
      const saved = await deps.approvals.save(input);
      deps.broadcast({ type: 'settings-changed' });
      return saved;
    },
    'connectors.redirectUris': async () => ({ uris: deps.redirectUris() }),
  };
}
