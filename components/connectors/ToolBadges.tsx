import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** Annotations as badges. They are the server's claims: the title says so on every badge. */
export function ToolBadges({ annotations }: { annotations?: ToolAnnotations }) {
  if (!annotations) return null;
  const badges: { text: string; tone: 'ok' | 'danger' | 'plain' }[] = [];
  if (annotations.readOnlyHint) badges.push({ text: 'read-only', tone: 'ok' });
  if (annotations.destructiveHint) badges.push({ text: 'destructive', tone: 'danger' });
  if (annotations.idempotentHint) badges.push({ text: 'idempotent', tone: 'plain' });
  if (annotations.openWorldHint) badges.push({ text: 'open-world', tone: 'plain' });
  return (
    <span className="badges">
      {badges.map((badge) => (
        <span key={badge.text} className="badge" data-tone={badge.tone} title="Claimed by the server, not verified by Patchbay">
          {badge.text}
        </span>
      ))}
    </span>
  );
}
