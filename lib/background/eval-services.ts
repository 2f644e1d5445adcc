import type { PatchbayDatabase } from '../db/database';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import { EvalRunsRepository } from '../db/repositories/eval-runs-repository';
import { ToolOverridesRepository } from '../db/repositories/tool-overrides-repository';
import type { ConnectorRow } from '../db/rows';
import { toolLimitFor } from '../contract/tool-budget';
import type { ProviderSettingsStore } from '../settings/provider-settings-store';
import { EvalRunner } from '../evals/eval-runner';
import { modelFromSettings } from './model-from-settings';
import { createEvalSuiteHandlers, type EvalSuiteHandlers } from './eval-suite-handlers';
import { createEvalRunHandlers, type EvalRunHandlers } from './eval-run-handlers';
import { createOverrideCommandHandlers, type OverrideCommandHandlers } from './override-command-handlers';

export type EvalCommandHandlers = EvalSuiteHandlers & EvalRunHandlers & OverrideCommandHandlers;

/** The Evals screen's commands, which need the database (see `deferHandlers`). */
export const EVAL_COMMANDS = [
  'evals.createSuite',
  'evals.deleteSuite',
  'evals.saveCase',
  'evals.deleteCase',
  'evals.setRepetitions',
  'evals.importSuite',
  'evals.exportSuite',
  'evals.run',
  'evals.stop',
  'overrides.save',
  'overrides.remove',
  'overrides.setForConversation',
  'overrides.exportPatch',
] as const satisfies readonly (keyof EvalCommandHandlers)[];

export interface EvalServiceDeps {
  db: PatchbayDatabase;
  connectors: Pick<ConnectorsRepository, 'get' | 'list'>;
  settings: Pick<ProviderSettingsStore, 'read'>;
  onRunError(error: unknown): void;
}

/** The eval runner over the chat's own model client and tool budget, and the Evals screen's handlers. */
export function createEvalServices(deps: EvalServiceDeps): { runner: EvalRunner; handlers: EvalCommandHandlers } {
  const overrides = new ToolOverridesRepository(deps.db);
  const runner = new EvalRunner({
    runs: new EvalRunsRepository(deps.db),
    model: modelFromSettings(() => deps.settings.read()),
    modelInfo: async () => {
      const settings = await deps.settings.read();
      return { model: settings.model, api: settings.api, toolLimit: toolLimitFor(settings.toolLimits, settings.model) };
    },
    connectors: async (ids) => (await Promise.all(ids.map((id) => deps.connectors.get(id)))).filter((row): row is ConnectorRow => row !== undefined),
    overrides: (ids) => overrides.ofConnectors(ids),
  });
  // A run the last worker was driving when it died is over: say so now, not at the next Stop.
  void runner.sweepInterrupted().catch(deps.onRunError);
  return {
    runner,
    handlers: {
      ...createEvalSuiteHandlers(deps),
      ...createEvalRunHandlers(deps.db, runner, deps.onRunError),
      ...createOverrideCommandHandlers(deps.db, deps.connectors),
    },
  };
}
