import type { ServerRequestRow } from '@/lib/contract/server-request';

/** How an ended request ended, in words for its card. */
export function outcomeText(row: ServerRequestRow): string {
  switch (row.outcome) {
    case 'accepted':
      return row.kind === 'elicitation-url' ? 'You opened the link.' : 'You accepted: your answer was sent.';
    case 'declined':
      return 'You declined.';
    case 'cancelled':
      return 'You dismissed it (cancel was sent).';
    case 'expired':
      return 'Expired: the server stopped waiting before anyone answered.';
    case 'lost':
      return 'Not answered: Patchbay restarted while it waited.';
    case 'refused':
      return 'Declined by Patchbay.';
    case 'sampled':
      return 'The model’s answer was sent.';
    case 'denied':
      return 'You denied it.';
    case 'discarded':
      return 'You discarded the answer.';
    case undefined:
      return 'Ended.';
  }
}

/** The tone of an ended request's outcome line. */
export function outcomeTone(row: ServerRequestRow): 'ok' | 'warn' | 'error' {
  switch (row.outcome) {
    case 'accepted':
    case 'sampled':
      return 'ok';
    case 'expired':
    case 'lost':
    case 'refused':
      return 'error';
    default:
      return 'warn';
  }
}

/**
 * A link's host, and whether it is the server's own (or one of its subdomains): a link elsewhere
 * is shown with a warning, since the person is about to give another site something.
 */
export function linkDomain(url: string, serverHost: string | undefined): { host: string; foreign: boolean } {
  const host = URL.canParse(url) ? new URL(url).hostname : url;
  const own = serverHost !== undefined && (host === serverHost || host.endsWith(`.${serverHost}`));
  return { host, foreign: !own };
}
