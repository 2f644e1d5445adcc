import type { Icon } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { CommandHandlers } from '../messaging/command-router';
import type { IconCache } from '../mcp/icons/icon-cache';

export type IconCommandHandlers = Pick<CommandHandlers, 'icons.resolve'>;

/** Commands that read the connector to know which server declared an icon (see `deferHandlers`). */
export const ICON_COMMANDS = ['icons.resolve'] as const satisfies readonly (keyof IconCommandHandlers)[];

/** How many of a list's icons are tried before giving up: a server may list many, each a fetch. */
const MAX_TRIED = 3;

export function createIconCommandHandlers(deps: { connectors: Pick<ConnectorsRepository, 'get'>; cache: IconCache; fetch: typeof fetch }): IconCommandHandlers {
  return {
    'icons.resolve': async ({ connectorId, icons, theme }) => {
      const row = await deps.connectors.get(connectorId);
      if (!row) return { dataUrl: null, problem: 'No such connector.' };
      let problem: string | null = null;
      for (const icon of forTheme(icons, theme).slice(0, MAX_TRIED)) {
        const result = await deps.cache.get(icon.src, { fetch: deps.fetch, serverUrl: row.url });
        if (result.ok) return { dataUrl: `data:${result.mimeType};base64,${result.base64}`, problem: null };
        problem = result.reason;
      }
      return { dataUrl: null, problem };
    },
  };
}

/** The theme's own icons first, then those for any theme; icons only for the other theme last. */
function forTheme(icons: readonly Icon[], theme: 'light' | 'dark'): Icon[] {
  const rank = (icon: Icon) => (icon.theme === theme ? 0 : icon.theme === undefined ? 1 : 2);
  return [...icons].sort((a, b) => rank(a) - rank(b));
}
