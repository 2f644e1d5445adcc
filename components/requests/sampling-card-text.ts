import type { ServerRequestRow } from '@/lib/contract/server-request';
import type { SamplingToolUse } from '@/lib/contract/sampling-draft';

/** Where the request stands, in the card's status line. */
export function samplingStatusText(row: Pick<ServerRequestRow, 'status' | 'outcome'>): string {
  switch (row.status) {
    case 'pending':
      return 'Waiting for you';
    case 'sampling':
      return 'Your model is answering…';
    case 'review':
      return 'Review the answer';
    case 'done':
      return outcomeText(row.outcome);
  }
}

/** How a sampling request ended; the reason, when there is one, is shown beside it. */
export function outcomeText(outcome: ServerRequestRow['outcome']): string {
  switch (outcome) {
    case 'sampled':
      return 'Answer sent to the server';
    case 'denied':
      return 'Denied';
    case 'discarded':
      return 'Answer discarded';
    case 'refused':
      return 'Refused by Patchbay';
    case 'expired':
      return 'Expired';
    case 'lost':
      return 'Lost when the background restarted';
    case 'accepted':
    case 'declined':
    case 'cancelled':
    case undefined:
      return 'Ended';
  }
}

/** What running the tool would do, by the server's claims: the chat's approval words. */
export function riskText(risk: SamplingToolUse['risk']): string {
  switch (risk) {
    case 'read-only':
      return 'Read-only (the server says)';
    case 'write':
      return 'Write action: needs your approval';
    case 'destructive':
      return 'Destructive write action: needs your approval';
  }
}

/** What includeContext asks for, in words. */
export function contextAskText(scope: 'thisServer' | 'allServers', connector: string): string {
  return scope === 'thisServer'
    ? `${connector} asks to include context from this server (its earlier calls and results in this conversation).`
    : `${connector} asks to include context from all your connectors (every call and result in this conversation).`;
}

/** The status badge's colour: waiting on you, done well, or ended without an answer. */
export function statusTone(row: Pick<ServerRequestRow, 'status' | 'outcome'>): 'warn' | 'ok' | 'danger' | undefined {
  if (row.status === 'pending' || row.status === 'review') return 'warn';
  if (row.status === 'sampling') return undefined;
  return row.outcome === 'sampled' ? 'ok' : 'danger';
}
