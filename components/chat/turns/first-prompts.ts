import type { ChatConnector } from '@/lib/db/chat-connectors';

/** A first prompt built from a connector's own read-only tool: the chip's label and the Message text. */
export interface FirstPrompt {
  key: string;
  label: string;
  text: string;
}

const MAX_PROMPTS = 3;
const MAX_DESCRIPTION = 90;

/**
 * Up to three first prompts from the selected connectors' enabled tools that say they only read
 * (`readOnlyHint`), so the first thing a new user tries needs no approval. Names and descriptions
 * come from the server: they are shortened, shown as text, and only fill the box; nothing is sent.
 */
export function firstPrompts(connectors: readonly ChatConnector[]): FirstPrompt[] {
  const prompts: FirstPrompt[] = [];
  for (const connector of connectors) {
    const enabled = new Set(connector.enabledTools);
    for (const tool of connector.tools) {
      if (prompts.length >= MAX_PROMPTS) return prompts;
      if (!enabled.has(tool.name) || tool.annotations?.readOnlyHint !== true) continue;
      const about = firstSentence(tool.description ?? '');
      prompts.push({
        key: `${connector.id}:${tool.name}`,
        label: `Try ${tool.name}`,
        text: `Use the ${tool.name} tool of ${connector.label}${about ? ` (${about})` : ''} and show me what it returns.`,
      });
    }
  }
  return prompts;
}

function firstSentence(description: string): string {
  const sentence = description.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0] ?? '';
  const bare = sentence.replace(/[.!?]$/, '');
  return bare.length > MAX_DESCRIPTION ? `${bare.slice(0, MAX_DESCRIPTION - 1)}…` : bare;
}
