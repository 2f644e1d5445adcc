import type { CommandHandlers } from '../messaging/command-router';
import type { PatchbayDatabase } from '../db/database';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import { overridesOfConnector, ToolOverridesRepository } from '../db/repositories/tool-overrides-repository';
import { overrideIdOf, ToolOverrideRowSchema } from '../contract/tool-override';
import { EvalInputError } from '../evals/eval-input-error';
import { originalText } from '../evals/apply-overrides';
import { overridePatch, overridePatchMarkdown } from '../evals/override-patch';
import { exportFileName } from '../chat/export-file-name';

export type OverrideCommandHandlers = Pick<CommandHandlers, 'overrides.save' | 'overrides.remove' | 'overrides.exportPatch' | 'overrides.setForConversation'>;

/**
 * What-if overrides: stored locally, for a tool (and parameter) the connector lists, with the
 * server's text kept beside as the original. Nothing here talks to a server.
 */
export function createOverrideCommandHandlers(db: PatchbayDatabase, connectors: Pick<ConnectorsRepository, 'get'>): OverrideCommandHandlers {
  const overrides = new ToolOverridesRepository(db);
  return {
    'overrides.save': async ({ connectorId, toolName, field, text }) => {
      const connector = await connectors.get(connectorId);
      if (!connector) throw new EvalInputError('This connector was removed.');
      const tool = connector.tools.find((item) => item.name === toolName);
      if (!tool) throw new EvalInputError(`${connector.label} has no tool named “${toolName}”.`);
      if (field.kind === 'parameter' && !Object.hasOwn(tool.inputSchema.properties ?? {}, field.name)) {
        throw new EvalInputError(`${toolName} has no parameter named “${field.name}”.`);
      }
      const row = ToolOverrideRowSchema.safeParse({ id: overrideIdOf(connectorId, toolName, field), connectorId, toolName, field, text, original: originalText(tool, field), updatedAt: Date.now() });
      if (!row.success) throw new EvalInputError(row.error.issues[0]?.message ?? 'The override is not valid.');
      await overrides.put(row.data);
      return {};
    },
    'overrides.setForConversation': async ({ conversationId, on }) => {
      const changed = await db.conversations.update(conversationId, { whatIf: on });
      if (changed === 0 && !(await db.conversations.get(conversationId))) throw new EvalInputError('This conversation was deleted.');
      return {};
    },
    'overrides.remove': async ({ id }) => {
      await overrides.remove(id);
      return {};
    },
    'overrides.exportPatch': async ({ connectorId, format }) => {
      const connector = await connectors.get(connectorId);
      if (!connector) throw new EvalInputError('This connector was removed.');
      const rows = await overridesOfConnector(db, connectorId);
      const title = `${connector.label} description patch`;
      return format === 'json'
        ? { fileName: exportFileName(title, 'json'), text: `${JSON.stringify({ connector: connector.label, changes: overridePatch(rows) }, null, 2)}\n`, mimeType: 'application/json' }
        : { fileName: exportFileName(title, 'markdown'), text: overridePatchMarkdown(connector.label, rows), mimeType: 'text/markdown' };
    },
  };
}
