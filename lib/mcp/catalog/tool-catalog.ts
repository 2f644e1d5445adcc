import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRow } from '../../db/rows';
import { diffToolLists } from './tool-diff';
import { isEmptyDiff, type ToolListDiff } from '../../contract/tool-diff';
import { fingerprintTool } from './tool-fingerprint';
import { switchesAfterFetch } from './tool-switches';

/** A fresh tool list turned into the row fields that store it, and what changed. */
export interface ToolCatalogUpdate {
  diff: ToolListDiff;
  patch: Pick<ConnectorRow, 'tools' | 'toolsFetchedAt' | 'toolFingerprints' | 'enabledTools' | 'disabledTools'> & Partial<Pick<ConnectorRow, 'toolChanges'>>;
}

/** Tool name to fingerprint. Async (it hashes), so it runs before the row is read for the merge. */
export async function fingerprintTools(tools: readonly Tool[]): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(tools.map(async (tool) => [tool.name, await fingerprintTool(tool)] as const)));
}

/** A tool list as fetched: the tools, their fingerprints, when, and whether the user asked for it. */
export interface FetchedTools {
  tools: Tool[];
  fingerprints: Record<string, string>;
  now: number;
  userInitiated: boolean;
}

/**
 * Diffs a fresh list against the stored row and keeps the user's switches (see
 * `switchesAfterFetch`). Synchronous, so it can run inside the transaction that reads the stored
 * row: a switch flipped meanwhile is never overwritten. The diff replaces the shown one when it
 * says something, or when the user asked for the refresh (then "no changes" is the answer).
 */
export function mergeToolCatalog(stored: ConnectorRow, fetched: FetchedTools): ToolCatalogUpdate {
  const { tools, fingerprints, now, userInitiated } = fetched;
  // Fingerprints are stored with the tools they hash, so an equal one means an unchanged definition.
  const sameFingerprint = (name: string) => stored.toolFingerprints[name] !== undefined && stored.toolFingerprints[name] === fingerprints[name];
  const diff = stored.toolsFetchedAt === null ? { added: [], removed: [], changed: [] } : diffToolLists(stored.tools, tools, sameFingerprint);
  const patch: ToolCatalogUpdate['patch'] = {
    tools,
    toolsFetchedAt: now,
    toolFingerprints: fingerprints,
    ...switchesAfterFetch(stored, tools),
  };
  if (userInitiated || !isEmptyDiff(diff)) patch.toolChanges = diff;
  return { diff, patch };
}
