import type { Prompt } from '@modelcontextprotocol/sdk/types.js';
import { useEffect, useMemo, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';

/** A prompt offered by `/`, with the connector it comes from. */
export interface SlashPrompt {
  connectorId: string;
  connectorLabel: string;
  prompt: Prompt;
}

/** The most prompts the menu lists; typing narrows it. */
const MENU_LIMIT = 30;

/**
 * The prompts `/` offers: those of the conversation's connectors, asked once each time the menu
 * opens (a connector that fails to answer is left out), filtered by what follows the slash.
 */
export function useSlashPrompts(text: string, connectors: readonly { id: string; label: string }[]) {
  const open = /^\/\S*$/.test(text);
  const query = open ? text.slice(1).toLowerCase() : '';
  const [all, setAll] = useState<readonly SlashPrompt[] | null>(null);
  const [active, setActive] = useState(0);
  const key = connectors.map((c) => c.id).join(',');

  useEffect(() => {
    if (!open) return setAll(null);
    let current = true;
    void Promise.all(
      connectors.map(async ({ id, label }) => {
        try {
          const { prompts } = await sendCommand('prompts.list', { connectorId: id });
          return prompts.map((prompt) => ({ connectorId: id, connectorLabel: label, prompt }));
        } catch {
          return [];
        }
      }),
    ).then((lists) => current && setAll(lists.flat()));
    return () => void (current = false);
    // Asked when the menu opens (or the connectors change), not at every keystroke.
  }, [open, key]);

  const matches = useMemo(
    () => (all ?? []).filter(({ prompt }) => prompt.name.toLowerCase().includes(query) || (prompt.title ?? '').toLowerCase().includes(query)).slice(0, MENU_LIMIT),
    [all, query],
  );
  useEffect(() => setActive(0), [query]);

  return { open, loading: open && all === null, matches, active: Math.min(active, Math.max(0, matches.length - 1)), setActive };
}
