import type { ReadResourceResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { appResourceUriOf, type AppResourceOutcome } from '../contract/app-resource';
import type { ConnectorRow } from '../db/rows';
import { parseAppResource } from './parse-app-resource';

/** What the cache reads through: the connector as stored, and the hub's `resources/read`. */
export interface AppResourceDeps {
  connector(id: string): Promise<ConnectorRow | undefined>;
  readResource(connectorId: string, uri: string): Promise<ReadResourceResult>;
}

/** A connector's tool that has an app, with the URI of its page and its definition's fingerprint. */
export interface AppTool {
  row: ConnectorRow;
  tool: Tool;
  uri: string;
  fingerprint: string;
}

/**
 * Fetches and caches apps' `ui://` pages per connector. A page is kept for the tool definition it
 * was fetched for (the fingerprint is part of the key, so a changed tool fetches again) until the
 * server says its resources changed. A failure is not kept: the next card asks again.
 */
export class AppResources {
  private readonly pages = new Map<string, Promise<AppResourceOutcome>>();

  constructor(private readonly deps: AppResourceDeps) {}

  /** The tool as stored, if it names an app; undefined for an unknown tool or one without an app. */
  async appTool(connectorId: string, toolName: string): Promise<AppTool | undefined> {
    const row = await this.deps.connector(connectorId);
    const tool = row?.tools.find((t) => t.name === toolName);
    const uri = appResourceUriOf(tool?._meta);
    if (!row || !tool || !uri) return undefined;
    return { row, tool, uri, fingerprint: row.toolFingerprints[toolName] ?? '' };
  }

  /** The page of the tool's app, or why it cannot be shown. */
  async forTool(connectorId: string, toolName: string): Promise<AppResourceOutcome> {
    const app = await this.appTool(connectorId, toolName);
    if (!app) return { ok: false, reason: `${toolName} has no app on this connector (refresh its tools?).` };
    const key = `${connectorId}\n${app.uri}\n${app.fingerprint}`;
    let page = this.pages.get(key);
    if (!page) {
      page = this.fetch(connectorId, app.uri);
      this.pages.set(key, page);
      void page.then((outcome) => outcome.ok || this.pages.delete(key));
    }
    return page;
  }

  /** `notifications/resources/list_changed`, or the connector was removed: fetch its pages again. */
  forget(connectorId: string): void {
    for (const key of this.pages.keys()) if (key.startsWith(`${connectorId}\n`)) this.pages.delete(key);
  }

  private async fetch(connectorId: string, uri: string): Promise<AppResourceOutcome> {
    try {
      return await parseAppResource(uri, await this.deps.readResource(connectorId, uri));
    } catch (error) {
      return { ok: false, reason: `The app's page could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
