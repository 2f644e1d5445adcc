import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRow } from '../../db/rows';

/** The two row fields that hold the user's tool switches. */
export type ToolSwitches = Pick<ConnectorRow, 'enabledTools'> & { disabledTools: string[] };

type SwitchSource = Pick<ConnectorRow, 'enabledTools' | 'disabledTools' | 'tools' | 'toolsFetchedAt'>;

/**
 * The switches after the user flipped one. An "off" is also remembered by name in
 * `disabledTools`, so it outlives the tool leaving the server's list.
 */
export function switchTool(row: Pick<ConnectorRow, 'enabledTools' | 'disabledTools'>, toolName: string, enabled: boolean): ToolSwitches {
  const others = row.enabledTools.filter((name) => name !== toolName);
  const disabled = (row.disabledTools ?? []).filter((name) => name !== toolName);
  return enabled ? { enabledTools: [...others, toolName], disabledTools: disabled } : { enabledTools: others, disabledTools: [...disabled, toolName] };
}

/**
 * The switches for a freshly fetched list, from the *stored* row (never a session's copy, which
 * misses the user's flips since it connected). New tools start enabled, as in ChatGPT's developer
 * mode (approval still guards every write); a known tool keeps its switch; a tool the user switched
 * off stays off even when the server drops it and lists it again (a hostile server cannot switch
 * it back on that way). Rows written before `disabledTools` existed: a known tool that is not
 * enabled was switched off by the user.
 */
export function switchesAfterFetch(stored: SwitchSource, tools: readonly Tool[]): ToolSwitches {
  const firstFetch = stored.toolsFetchedAt === null;
  const enabled = new Set(stored.enabledTools);
  const known = new Set(stored.tools.map((tool) => tool.name));
  const disabled = new Set(stored.disabledTools ?? []);
  if (!firstFetch) for (const name of known) if (!enabled.has(name)) disabled.add(name);
  const enabledTools = tools.map((tool) => tool.name).filter((name) => !disabled.has(name) && (firstFetch || enabled.has(name) || !known.has(name)));
  return { enabledTools, disabledTools: [...disabled] };
}

/**
 * The switches after Enable all / Disable all over the named tools (the filtered ones). Only names
 * in the row's current list count: a bulk switch never invents a tool. Each name goes the way
 * {@link switchTool} sends it, so an "off" is remembered by name as a single flip is.
 */
export function switchTools(row: Pick<ConnectorRow, 'enabledTools' | 'disabledTools' | 'tools'>, toolNames: readonly string[], enabled: boolean): ToolSwitches {
  const listed = new Set(row.tools.map((tool) => tool.name));
  const named = new Set(toolNames.filter((name) => listed.has(name)));
  const enabledTools = row.enabledTools.filter((name) => !named.has(name));
  const disabledTools = (row.disabledTools ?? []).filter((name) => !named.has(name));
  return enabled ? { enabledTools: [...enabledTools, ...named], disabledTools } : { enabledTools, disabledTools: [...disabledTools, ...named] };
}
