import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { ToolBadges } from '../connectors/ToolBadges';
import { claimBadges, type ApprovalAsk } from './approval-text';

/**
 * What the server claims about the tool. The resolved claims (spec defaults filled in) when the
 * policy recorded them, else the raw annotations; either way labelled as claims, not facts.
 */
export function ApprovalClaims({ claims, annotations }: { claims?: ApprovalAsk['claims']; annotations?: ToolAnnotations }) {
  if (!claims && !annotations) return null;
  return (
    <div className="row small approval-claims">
      {claims ? (
        <span className="badges">
          {claimBadges(claims).map((badge) => (
            <span key={badge.text} className="badge" data-tone={badge.tone} title="Claimed by the server, not verified by Patchbay">
              {badge.text}
            </span>
          ))}
        </span>
      ) : (
        <ToolBadges annotations={annotations} />
      )}
      <span className="muted">Annotations are the server’s claims, not verified.</span>
    </div>
  );
}
