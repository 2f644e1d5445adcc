import { toolLimitFor } from '../contract/tool-budget';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { CommandHandlers } from '../messaging/command-router';
import { ConnectorError } from '../mcp/session/connector-error';
import type { ProviderSettingsStore } from '../settings/provider-settings-store';
import { buildReportCard } from '../workbench/report-card/build-report-card';

export type ReportCardCommandHandlers = Pick<CommandHandlers, 'workbench.reportCard'>;

/** Commands that read stored connectors (see `deferHandlers`). */
export const REPORT_CARD_COMMANDS = ['workbench.reportCard'] as const satisfies readonly (keyof ReportCardCommandHandlers)[];

/**
 * The report card of a connector over its last stored tool list (no server round trip: the card
 * judges what the model would be sent), beside every other stored connector for name collisions,
 * with the configured model's tool limit.
 */
export function createReportCardHandlers(deps: { connectors: Pick<ConnectorsRepository, 'get' | 'list'>; settings: Pick<ProviderSettingsStore, 'read'> }): ReportCardCommandHandlers {
  return {
    'workbench.reportCard': async ({ connectorId }) => {
      const [row, all, settings] = await Promise.all([deps.connectors.get(connectorId), deps.connectors.list(), deps.settings.read()]);
      if (!row) throw new ConnectorError('bad-config', `No connector with id ${connectorId}: it may have been removed.`);
      const others = all.filter((other) => other.id !== row.id).map(({ id, label, tools }) => ({ id, label, tools }));
      return buildReportCard({
        connector: { id: row.id, label: row.label, tools: row.tools, toolsFetchedAt: row.toolsFetchedAt },
        others,
        model: settings.model,
        toolLimit: toolLimitFor(settings.toolLimits, settings.model),
      });
    },
  };
}
