import type { MessagePart } from '@/lib/db/message-parts';
import type { ClaimTone, ClaimWord } from '../connectors/claim-words';

type ApprovalPart = Extract<MessagePart, { type: 'approval' }>;
export type ApprovalAsk = NonNullable<ApprovalPart['ask']>;
export type ProvenanceHit = NonNullable<ApprovalPart['provenance']>[number];

/** Why the card asks, in the user's words. */
export function askReason(why: ApprovalAsk['why']): string {
  switch (why) {
    case 'write':
      return 'This tool can change data: the server does not claim it is read-only.';
    case 'destructive':
      return 'This tool may destroy data: the server does not claim otherwise.';
    case 'ask-always':
      return '“Ask before every tool” is on for this connector.';
    case 'definition-changed':
      return 'The tool changed since you approved it.';
    case 'app-page-changed':
      return 'The app page this tool shows changed since you approved it (or could not be read to check).';
    case 'cross-connector-input':
      return 'You chose Remember for this tool, but part of this input came from another connector: read it before it goes.';
  }
}

/** One claim as a badge, in words; `danger` for destructive, the one a user must not miss. */
export interface ClaimBadge {
  claim: ClaimWord;
  tone: ClaimTone;
}

/** The server's resolved claims as badges, in a fixed order; every claim says something, even a "no". */
export function claimBadges(claims: ApprovalAsk['claims']): ClaimBadge[] {
  const badges: ClaimBadge[] = [];
  if (claims.readOnly) badges.push({ claim: 'reads-only', tone: 'ok' });
  else badges.push(claims.destructive ? { claim: 'destructive', tone: 'danger' } : { claim: 'not-destructive', tone: 'plain' });
  if (claims.idempotent) badges.push({ claim: 'idempotent', tone: 'plain' });
  badges.push(claims.openWorld ? { claim: 'open-world', tone: 'warn' } : { claim: 'closed-world', tone: 'plain' });
  return badges;
}

/** “Part of this input came from Mail › read_inbox: “excerpt…” at $.body”. */
export function provenanceSentence(hit: ProvenanceHit): string {
  return `Part of this input came from ${hit.source.connectorLabel} › ${hit.source.toolName}: “${hit.excerpt}” at ${hit.path}`;
}

/** What a decided card says: the decision, and how it was reached. */
export function decidedText(approval: Pick<ApprovalPart, 'decision' | 'decidedBy' | 'remembered' | 'editedArgs'> & { status?: ApprovalPart['status'] }): string {
  if (approval.decision === 'pending') {
    return approval.status?.type === 'incomplete' ? `Not decided: ${approval.status.reason.message}` : 'Waiting for your decision';
  }
  const parts = [approval.decision === 'allow' ? 'Approved' : 'Denied'];
  if (approval.decidedBy === 'remembered') parts.push('by a remembered decision');
  else if (approval.remembered) parts.push('and remembered for this conversation');
  const text = parts.join(' ');
  return approval.editedArgs ? `${text} · edited input` : text;
}

/** The input as the user edits it: pretty JSON. */
export function prettyInput(args: Record<string, unknown> | undefined, argsText: string): string {
  return args ? JSON.stringify(args, null, 2) : argsText;
}

/** Parses an edited input: a JSON object, or the reason it is not one. */
export function parseEditedInput(text: string): { ok: true; args: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'The input must be a JSON object.' };
  return { ok: true, args: value as Record<string, unknown> };
}
