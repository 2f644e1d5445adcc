import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { changeKind, pageUnreadable } from './host-tool-fingerprint';

/**
 * The behaviour hints exactly as the server sent them in `tools/list`. They are the server's
 * claims, not facts: a server can say `readOnlyHint: true` and still delete things, and any hint
 * may be missing. Nothing here trusts them further than deciding whether to *ask*.
 */
export type ClaimedAnnotations = Pick<ToolAnnotations, 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint'>;

/**
 * The claims with the MCP spec's defaults filled in (schema `ToolAnnotations`, the same from
 * 2025-03-26 to 2025-11-25): `readOnlyHint` false, `destructiveHint` true, `idempotentHint` false,
 * `openWorldHint` true. `destructiveHint` and `idempotentHint` mean something only when the tool
 * is not read-only, so a read-only tool is never destructive here and is idempotent by definition.
 */
export interface ResolvedClaims {
  readOnly: boolean;
  destructive: boolean;
  idempotent: boolean;
  /** Shown on the card: the tool may reach beyond the server (the web, other people's data). */
  openWorld: boolean;
}

/** How much harm a call can do, by the claims: what the card highlights and the audit records. */
export type ToolRisk = 'read-only' | 'write' | 'destructive';

/**
 * A "Remember for this conversation" decision already scoped to this conversation, connector,
 * tool and panel session (see `remembered-decisions.ts`). It carries the fingerprint of the
 * definition the user saw, because trust in one definition is not trust in the next.
 */
export interface RememberedDecision {
  decision: 'allow' | 'deny';
  toolFingerprint: string;
}

/** Everything the decision depends on; nothing else (no clock, no storage), so it is a table. */
export interface ToolPolicyInput {
  /** `tool.annotations` from the last tool list; undefined when the server sent none. */
  annotations: ClaimedAnnotations | undefined;
  /** The connector's "Ask before every tool": the user does not trust this server's `readOnlyHint`. */
  askAlways: boolean;
  remembered: RememberedDecision | undefined;
  /**
   * The tool's fingerprint now (for a tool with an app, joined with its page's: see
   * `host-tool-fingerprint.ts`); undefined (never fetched) or an unreadable page matches no remembered decision.
   */
  currentFingerprint: string | undefined;
}

/**
 * What to do with one tool call. A closed union: the run engine switches on `action`, the card
 * and the audit on `why`. `risk` rides along on every branch so a write that runs without a card
 * (remembered allow) is still logged as a write.
 */
export type ToolPolicyOutcome =
  | { action: 'run'; why: 'read-only' | 'remembered-allow'; risk: ToolRisk; claims: ResolvedClaims }
  | { action: 'deny'; why: 'remembered-deny'; risk: ToolRisk; claims: ResolvedClaims }
  /**
   * `cross-connector-input`: a remembered allow set aside because the input carries another connector's output (see `provenance-rule.ts`).
   * `app-page-changed`: the same definition, but the page the server serves as its app is another (or could not be read).
   */
  | { action: 'ask'; why: 'write' | 'destructive' | 'ask-always' | 'definition-changed' | 'app-page-changed' | 'cross-connector-input'; risk: ToolRisk; claims: ResolvedClaims };

/** Fills in the spec's defaults for hints the server left out. */
export function resolveClaims(annotations: ClaimedAnnotations | undefined): ResolvedClaims {
  const readOnly = annotations?.readOnlyHint === true;
  return {
    readOnly,
    destructive: !readOnly && (annotations?.destructiveHint ?? true),
    idempotent: readOnly || (annotations?.idempotentHint ?? false),
    openWorld: annotations?.openWorldHint ?? true,
  };
}

/** Read-only wins; otherwise the (defaulted) `destructiveHint` decides. */
export function riskOf(claims: ResolvedClaims): ToolRisk {
  if (claims.readOnly) return 'read-only';
  return claims.destructive ? 'destructive' : 'write';
}

/**
 * The approval rules, in order:
 * 1. A remembered decision whose fingerprint differs from the current one is void: ask, and say the
 *    definition (or only the tool's app page) changed — even if the tool now claims to be read-only,
 *    since claiming read-only after being trusted is exactly what a server that changes under you
 *    would do. A page that could not be read voids every remembered decision: fail closed.
 * 2. A remembered deny that still matches: deny without asking (also for a read-only tool).
 * 3. A remembered allow that still matches: run. "Ask before every tool" overrides `readOnlyHint`,
 *    not the user's own "Remember" within this conversation.
 * 4. Otherwise a read-only tool runs at once, unless the connector asks before every tool; any
 *    other tool asks, as a write or a destructive write.
 */
export function decideToolCall(input: ToolPolicyInput): ToolPolicyOutcome {
  const claims = resolveClaims(input.annotations);
  const risk = riskOf(claims);
  const { remembered } = input;
  if (remembered) {
    const current = input.currentFingerprint;
    if (current === undefined || pageUnreadable(current) || remembered.toolFingerprint !== current) {
      return { action: 'ask', why: changeKind(remembered.toolFingerprint, current), risk, claims };
    }
    switch (remembered.decision) {
      case 'deny':
        return { action: 'deny', why: 'remembered-deny', risk, claims };
      case 'allow':
        return risk === 'read-only' && !input.askAlways
          ? { action: 'run', why: 'read-only', risk, claims }
          : { action: 'run', why: 'remembered-allow', risk, claims };
    }
  }
  switch (risk) {
    case 'read-only':
      return input.askAlways ? { action: 'ask', why: 'ask-always', risk, claims } : { action: 'run', why: 'read-only', risk, claims };
    case 'write':
      return { action: 'ask', why: 'write', risk, claims };
    case 'destructive':
      return { action: 'ask', why: 'destructive', risk, claims };
  }
}
