import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRow } from '../db/rows';
import { diffToolLists, isEmptyDiff, type ToolListDiff } from './tool-diff';
import { fingerprintTool } from './tool-fingerprint';

/** A fresh tool list turned into the row fields that store it, and what changed. */
export interface ToolCatalogUpdate {
  diff: ToolListDiff;
  patch: Pick<ConnectorRow, 'tools' | 'toolsFetchedAt' | 'toolFingerprints' | 'enabledTools'> & Partial<Pick<ConnectorRow, 'toolChanges'>>;
}

/**
 * Fingerprints every tool and diffs against the stored list. New tools start enabled, as in
 * ChatGPT's developer mode (approval still guards every write); the user's switches for known
 * tools are kept. The diff replaces the shown one when it says something, or when the user
 * asked for the refresh (then "no changes" is the answer).
 */
export async function refreshToolCatalog(row: ConnectorRow, tools: Tool[], now: number, userInitiated: boolean): Promise<ToolCatalogUpdate> {
  const previous = row.tools as unknown as Tool[];
  const firstFetch = row.toolsFetchedAt === null;
  const diff = firstFetch ? { added: [], removed: [], changed: [] } : diffToolLists(previous, tools);
  const fingerprints = Object.fromEntries(await Promise.all(tools.map(async (tool) => [tool.name, await fingerprintTool(tool)] as const)));
  const known = new Set(previous.map((tool) => tool.name));
  const enabled = new Set(row.enabledTools);
  const enabledTools = tools.map((t) => t.name).filter((name) => enabled.has(name) || !known.has(name) || firstFetch);
  const patch: ToolCatalogUpdate['patch'] = {
    tools: tools as unknown as Record<string, unknown>[],
    toolsFetchedAt: now,
    toolFingerprints: fingerprints,
    enabledTools,
  };
  if (userInitiated || !isEmptyDiff(diff)) patch.toolChanges = diff;
  return { diff, patch };
}
