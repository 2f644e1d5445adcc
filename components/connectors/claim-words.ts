/**
 * A tool annotation in the words a user reads on a badge: what the server says the tool does, not
 * the spec's hint names. The approval card and the tool rows say the same thing the same way.
 */
export type ClaimWord = 'reads-only' | 'destructive' | 'not-destructive' | 'idempotent' | 'open-world' | 'closed-world';

/** How a badge looks: `danger` for destructive, the one a user must not miss. */
export type ClaimTone = 'ok' | 'danger' | 'warn' | 'plain';

/** The badge text of each claim (exhaustive: a new claim does not compile without its words). */
export function claimText(claim: ClaimWord): string {
  switch (claim) {
    case 'reads-only':
      return 'Reads only';
    case 'destructive':
      return 'Destructive: may delete or overwrite';
    case 'not-destructive':
      return 'Changes data, deletes nothing';
    case 'idempotent':
      return 'Safe to repeat';
    case 'open-world':
      return 'Reaches outside services';
    case 'closed-world':
      return 'Stays inside the server';
  }
}

/** The badge's own text, short enough for 360 px; the full words ({@link claimText}) are its tooltip. */
export function claimShortText(claim: ClaimWord): string {
  switch (claim) {
    case 'destructive':
      return 'Destructive';
    case 'not-destructive':
      return 'Deletes nothing';
    case 'open-world':
      return 'Reaches outside';
    case 'closed-world':
      return 'Stays on the server';
    case 'reads-only':
    case 'idempotent':
      return claimText(claim);
  }
}

/** The tooltip of every claim badge: whose claim it is. */
export const CLAIM_TITLE = 'The server’s claim; Patchbay has not checked it';
