import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import { switchTools } from '../mcp/catalog/tool-switches';
import type { CommandHandlers } from '../messaging/command-router';

export type ToolSwitchCommandHandlers = Pick<CommandHandlers, 'connectors.setToolsEnabled'>;

/** Commands that write a connector's switches once the database is open (see `deferHandlers`). */
export const TOOL_SWITCH_COMMANDS = ['connectors.setToolsEnabled'] as const satisfies readonly (keyof ToolSwitchCommandHandlers)[];

/** The bulk switch: every named tool in one read-and-write transaction of the connector's row. */
export function createToolSwitchCommandHandlers(deps: { connectors: Pick<ConnectorsRepository, 'updateWith'> }): ToolSwitchCommandHandlers {
  return {
    'connectors.setToolsEnabled': async ({ id, toolNames, enabled }) => {
      let switched = 0;
      const row = await deps.connectors.updateWith(id, (current) => {
        const listed = new Set(current.tools.map((tool) => tool.name));
        switched = new Set(toolNames.filter((name) => listed.has(name))).size;
        return switchTools(current, toolNames, enabled);
      });
      if (!row) throw new Error(`No connector with id ${id}.`);
      return { switched };
    },
  };
}
