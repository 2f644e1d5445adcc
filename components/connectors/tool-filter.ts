import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/**
 * The tools a filter text matches: every word of it appears in the name, the title or the
 * description, ignoring case. An empty filter keeps the list itself (same array), so a memoized
 * list does not render again.
 */
export function filterTools(tools: readonly Tool[], query: string): readonly Tool[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return tools;
  return tools.filter((tool) => {
    const text = `${tool.name}\n${tool.title ?? tool.annotations?.title ?? ''}\n${tool.description ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/**
 * A row's one-line summary: the description's first line (it says what the tool does), else the
 * title when it says more than the name. Details shows both in full.
 */
export function toolSummary(tool: Tool): string {
  const firstLine = (tool.description ?? '').trim().split('\n', 1)[0] ?? '';
  if (firstLine) return firstLine;
  const title = tool.title ?? tool.annotations?.title;
  return title && title !== tool.name ? title : '';
}
