import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { appResourceUriOf, type AppResourceOutcome } from '../contract/app-resource';
import { hostToolFingerprint } from '../policy/host-tool-fingerprint';

/**
 * The page a connector's tool shows as its app, as the background's app page cache holds it
 * (lib/apps/app-resources.ts: per connector and tool definition, fetched again on
 * `resources/list_changed`), or why it cannot be read.
 */
export type AppPageOf = (connectorId: string, toolName: string) => Promise<AppResourceOutcome>;

/**
 * The fingerprint a call of `tool` is judged and remembered against: the definition's alone for a
 * tool without an app (nothing is fetched: such calls pay nothing), else joined with its page's.
 * No page reader, a failed read or a throw counts as an unreadable page, which no remembered
 * decision matches: the user is asked.
 */
export async function boundFingerprint(connectorId: string, tool: Tool, toolFingerprint: string | undefined, appPage: AppPageOf | undefined): Promise<string | undefined> {
  if (toolFingerprint === undefined || !appResourceUriOf(tool._meta)) return toolFingerprint;
  const page = await appPage?.(connectorId, tool.name).catch(() => undefined);
  return hostToolFingerprint(toolFingerprint, page?.ok ? page.resource.fingerprint : undefined);
}
