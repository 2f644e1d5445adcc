import { ElicitRequestURLParamsSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ServerRequestBroker } from '../server-request-broker';
import { elicitationArrival } from './elicitation-arrival';
import { hostOf } from './register-elicitation';
import type { UrlCompletions } from './url-completions';

/** At most this many links from one -32042; a server asking for more is refused. */
const MAX_LINKS = 3;
/** How long a call waits for the server to say a link is complete, unless it is stopped first. */
export const COMPLETION_WAIT_MS = 10 * 60_000;

const ElicitationsSchema = z.array(ElicitRequestURLParamsSchema.omit({ mode: true }).extend({ mode: z.literal('url').optional() })).min(1).max(MAX_LINKS);

/** The person did not open a link the server needs before the tool can run. */
export class UrlElicitationDeclinedError extends Error {
  override readonly name = 'UrlElicitationDeclinedError';
}

/** Wraps one tool call: the hub's `urlElicitationRetry` (see `ConnectorHubDeps`). */
export type UrlElicitationRetry = <T>(connector: { id: string; label: string; url: string }, signal: AbortSignal | undefined, call: () => Promise<T>) => Promise<T>;

/**
 * The -32042 flow for tool calls: when a call fails with `URLElicitationRequiredError`, each link
 * it names becomes a URL request card (shown beside that call, which is still in flight); once the
 * person opened every link and the server said each is complete, the call is sent again, once.
 * A declined link ends the call with an error saying so; a Stop ends the wait.
 */
export function urlElicitationRetry(broker: Pick<ServerRequestBroker, 'open'>, completions: Pick<UrlCompletions, 'wait'>): UrlElicitationRetry {
  return async (connector, signal, call) => {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof McpError) || error.code !== ErrorCode.UrlElicitationRequired) throw error;
      const parsed = ElicitationsSchema.safeParse((error.data as { elicitations?: unknown } | undefined)?.elicitations);
      if (!parsed.success) throw error;
      const waitSignal = AbortSignal.any([signal ?? new AbortController().signal, AbortSignal.timeout(COMPLETION_WAIT_MS)]);
      for (const link of parsed.data) {
        const arrival = elicitationArrival({ ...link, mode: 'url' });
        const reply = await broker.open({ connectorId: connector.id, connectorLabel: connector.label, serverHost: hostOf(connector.url), ...arrival, signal: waitSignal });
        if (reply.type !== 'result' || reply.result.action !== 'accept') {
          throw new UrlElicitationDeclinedError(`${connector.label} needs you to open a link before this tool can run, and it was not opened.`);
        }
        await completions.wait(connector.id, link.elicitationId, waitSignal);
      }
      return call();
    }
  };
}
