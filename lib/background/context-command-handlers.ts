import type { ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { ConnectorHub } from '../mcp/connector-hub';
import { ConnectorError } from '../mcp/session/connector-error';
import { renderPrompt } from '../mcp/context/render-prompt';
import { resourceAttachments } from '../mcp/context/resource-attachments';
import { resourceContentsView } from '../mcp/context/resource-contents-view';
import type { CommandHandlers } from '../messaging/command-router';

export type ContextCommandHandlers = Pick<
  CommandHandlers,
  | 'prompts.list'
  | 'prompts.get'
  | 'resources.list'
  | 'resources.templates'
  | 'resources.read'
  | 'resources.attach'
  | 'resources.subscribe'
  | 'resources.unsubscribe'
  | 'completion.complete'
>;

export interface ContextCommandDeps {
  hub: Pick<ConnectorHub, 'request'>;
  connectors: Pick<ConnectorsRepository, 'get'>;
}

/** The most suggestions a completion answers with (the spec caps a server's at 100). */
const MAX_COMPLETIONS = 100;
/** The most items one page of a list shows; a server sending more gets the rest ignored, not rendered. */
export const MAX_LIST_PAGE = 500;

/**
 * Prompts, resources, templates, completion and subscriptions, each one request to the connector's
 * session. The SDK parses every answer with its own schemas; the router parses it again against
 * the protocol before it leaves. Completion and subscription are only asked of a server that
 * declared them, so a server without them costs no round trip and no error.
 */
export function createContextCommandHandlers({ hub, connectors }: ContextCommandDeps): ContextCommandHandlers {
  async function capabilities(id: string): Promise<ServerCapabilities> {
    const row = await connectors.get(id);
    if (!row) throw new ConnectorError('bad-config', `No connector with id ${id}.`);
    return row.capabilities ?? {};
  }
  const page = (cursor: string | undefined) => (cursor ? { cursor } : {});
  /** A server that has not connected yet (capabilities unknown) is asked; one that declared no such list is not. */
  async function declares(id: string, capability: 'prompts' | 'resources'): Promise<boolean> {
    const row = await connectors.get(id);
    if (!row) throw new ConnectorError('bad-config', `No connector with id ${id}.`);
    return row.capabilities === null || row.capabilities[capability] !== undefined;
  }

  return {
    'prompts.list': async ({ connectorId, cursor }) =>
      !(await declares(connectorId, 'prompts')) ? { prompts: [] } : hub.request(connectorId, async (client, options) => {
        const { prompts, nextCursor } = await client.listPrompts(page(cursor), options);
        return { prompts: prompts.slice(0, MAX_LIST_PAGE), ...(nextCursor ? { nextCursor } : {}) };
      }),
    'prompts.get': ({ connectorId, name, arguments: args }) =>
      hub.request(connectorId, async (client, options) => renderPrompt(connectorId, name, await client.getPrompt({ name, arguments: args }, options))),
    'resources.list': async ({ connectorId, cursor }) =>
      !(await declares(connectorId, 'resources')) ? { resources: [] } : hub.request(connectorId, async (client, options) => {
        const { resources, nextCursor } = await client.listResources(page(cursor), options);
        return { resources: resources.slice(0, MAX_LIST_PAGE), ...(nextCursor ? { nextCursor } : {}) };
      }),
    'resources.templates': async ({ connectorId, cursor }) =>
      !(await declares(connectorId, 'resources')) ? { resourceTemplates: [] } : hub.request(connectorId, async (client, options) => {
        const { resourceTemplates, nextCursor } = await client.listResourceTemplates(page(cursor), options);
        return { resourceTemplates: resourceTemplates.slice(0, MAX_LIST_PAGE), ...(nextCursor ? { nextCursor } : {}) };
      }),
    'resources.read': ({ connectorId, uri }) =>
      hub.request(connectorId, async (client, options) => ({ contents: resourceContentsView(await client.readResource({ uri }, options)) })),
    'resources.attach': async ({ connectorId, uri, name }) => {
      const result = await hub.request(connectorId, (client, options) => client.readResource({ uri }, options));
      const attachments = resourceAttachments(connectorId, name ?? lastSegment(uri), result);
      const subscribed = await subscribe(connectorId, uri);
      return { attachments, subscribed };
    },
    'resources.subscribe': async ({ connectorId, uri }) => ({ subscribed: await subscribe(connectorId, uri) }),
    'resources.unsubscribe': async ({ connectorId, uri }) => {
      if ((await capabilities(connectorId)).resources?.subscribe) await hub.request(connectorId, (client, options) => client.unsubscribeResource({ uri }, options));
      return {};
    },
    'completion.complete': async ({ connectorId, ref, argument, context }) => {
      if (!(await capabilities(connectorId)).completions) return { values: [], hasMore: false };
      const { completion } = await hub.request(connectorId, (client, options) =>
        client.complete({ ref, argument, ...(context ? { context: { arguments: context } } : {}) }, options),
      );
      return { values: completion.values.slice(0, MAX_COMPLETIONS), hasMore: completion.hasMore === true || completion.values.length > MAX_COMPLETIONS };
    },
  };

  async function subscribe(connectorId: string, uri: string): Promise<boolean> {
    if (!(await capabilities(connectorId)).resources?.subscribe) return false;
    await hub.request(connectorId, (client, options) => client.subscribeResource({ uri }, options));
    return true;
  }
}

/** `file:///a/notes.md` → `notes.md`; a URI with no path is its own name. */
function lastSegment(uri: string): string {
  const segment = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).at(-1);
  return segment ? decodeURIComponentSafe(segment) : uri;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
