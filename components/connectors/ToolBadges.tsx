import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { CLAIM_TITLE, claimShortText, claimText, type ClaimTone, type ClaimWord } from './claim-words';

/**
 * Annotations as badges, in words ("Reads only", "Destructive" highlighted). Only what the server
 * claims makes a badge; each badge's tooltip says it is the server's claim, in full words.
 * `compact` (a tool row at 400 px) leaves out "Safe to repeat", the one that says nothing of risk.
 */
export function ToolBadges({ annotations, compact = false }: { annotations?: ToolAnnotations; compact?: boolean }) {
  if (!annotations) return null;
  const badges: { claim: ClaimWord; tone: ClaimTone }[] = [];
  if (annotations.readOnlyHint) badges.push({ claim: 'reads-only', tone: 'ok' });
  if (annotations.destructiveHint) badges.push({ claim: 'destructive', tone: 'danger' });
  if (annotations.idempotentHint && !compact) badges.push({ claim: 'idempotent', tone: 'plain' });
  if (annotations.openWorldHint) badges.push({ claim: 'open-world', tone: 'plain' });
  if (badges.length === 0) return null;
  return (
    <span className="badges">
      {badges.map((badge) => (
        <span key={badge.claim} className="badge" data-tone={badge.tone} title={`${claimText(badge.claim)} — ${CLAIM_TITLE}`}>
          {claimShortText(badge.claim)}
        </span>
      ))}
    </span>
  );
}
