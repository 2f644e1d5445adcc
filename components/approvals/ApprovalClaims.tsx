import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { CLAIM_TITLE, claimShortText, claimText } from '../connectors/claim-words';
import { ToolBadges } from '../connectors/ToolBadges';
import { claimBadges, type ApprovalAsk } from './approval-text';

/**
 * What the server claims about the tool, said once and plainly before the badges: the resolved
 * claims (spec defaults filled in) when the policy recorded them, else the raw annotations.
 * "Destructive" is the badge in the danger tone.
 */
export function ApprovalClaims({ claims, annotations }: { claims?: ApprovalAsk['claims']; annotations?: ToolAnnotations }) {
  const anyHint = annotations && (annotations.readOnlyHint || annotations.destructiveHint || annotations.idempotentHint || annotations.openWorldHint);
  if (!claims && !anyHint) return null;
  return (
    <div className="small approval-claims">
      <span className="muted">The server claims (not checked):</span>{' '}
      {claims ? (
        <span className="badges">
          {claimBadges(claims).map((badge) => (
            <span key={badge.claim} className="badge" data-tone={badge.tone} title={`${claimText(badge.claim)} — ${CLAIM_TITLE}`}>
              {claimShortText(badge.claim)}
            </span>
          ))}
        </span>
      ) : (
        <ToolBadges annotations={annotations} />
      )}
    </div>
  );
}
