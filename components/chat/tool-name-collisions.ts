import type { ToolNames } from '@/lib/messaging/chat-command-protocol';

/** One tool the model is offered: which connector's tool, under which name. */
export type OfferedTool = ToolNames['tools'][number];

/**
 * One sentence per name that several connectors share: “2 tools share a name across connectors;
 * the model sees them as notes__write, mail__write”.
 */
export function collisionNotices(tools: readonly OfferedTool[], collisions: readonly string[]): string[] {
  return collisions.flatMap((name) => {
    const sharing = tools.filter((tool) => tool.toolName === name);
    if (sharing.length < 2) return [];
    return [`${sharing.length} tools share the name “${name}” across connectors; the model sees them as ${sharing.map((tool) => tool.modelName).join(', ')}.`];
  });
}
