import { indexNeedles, scan } from './provenance-scan';
import { argumentStrings, excerptOf, resultHaystack } from './provenance-text';

/**
 * A tool result seen earlier in the conversation, with who produced it. Text one connector returned
 * and the model then passes to another connector's write is how a prompt injection or a data leak
 * crosses servers; the card names the source so the user can judge it.
 */
export interface EarlierToolResult {
  callId: string;
  connectorId: string;
  connectorLabel: string;
  toolName: string;
  /** The stored `CallToolResult` (text items, embedded resources, `structuredContent`). */
  result: unknown;
  /** `resultHaystack(result)` if the caller already built it (e.g. cached per call id). */
  haystack?: string;
}

/** Where copied text came from: enough for the card to say "from <label> · <tool>". */
export type ProvenanceSource = Pick<EarlierToolResult, 'connectorId' | 'connectorLabel' | 'toolName' | 'callId'>;

/** One argument field containing text that occurs verbatim in one earlier result. */
export interface ProvenanceHit {
  /** JSONPath of the argument string, e.g. `$.body` or `$.items[0].title`. */
  path: string;
  /** The longest copied span, whitespace collapsed, at most 80 characters (for display only). */
  excerpt: string;
  /** Length of that span in the argument, before shortening. */
  matchLength: number;
  source: ProvenanceSource;
  /** The source is the connector being written to: usually benign (read then update), shown apart. */
  sameConnector: boolean;
}

/**
 * Bounds that keep the search linear and small whatever a server returns. Defaults: 200 results
 * of up to 64 Ki characters each (~13 M characters scanned, one rolling-hash pass each), 16 Ki
 * characters of argument text indexed, and 2 M candidate checks and extension steps in all.
 * Whatever a bound cuts is not searched, and the report says `limited`.
 */
export interface ProvenanceLimits {
  /** Shortest copied span that counts, after trimming: shorter ones are common words, not provenance. */
  minLength: number;
  /** Only the most recent results are searched. */
  maxResults: number;
  /** Text taken from each result (a 20 MB result is searched in its first part only). */
  maxResultChars: number;
  /** Argument text indexed, in document order: the first fields of a huge write are the ones checked. */
  maxArgumentChars: number;
  /** Candidate checks plus characters compared, over the whole search: repetitive text cannot go quadratic. */
  maxWork: number;
}

/** The bounds above; the card passes none and gets these. */
export const DEFAULT_PROVENANCE_LIMITS: ProvenanceLimits = {
  minLength: 12,
  maxResults: 200,
  maxResultChars: 64 * 1024,
  maxArgumentChars: 16 * 1024,
  maxWork: 2_000_000,
};

/** Hits split the way the card shows them, and whether any bound cut the search short. */
export interface ProvenanceReport {
  crossConnector: ProvenanceHit[];
  sameConnector: ProvenanceHit[];
  limited: boolean;
}

/**
 * Finds argument text copied from earlier tool results: every maximal common span of at least
 * `minLength` characters, by a Rabin–Karp scan of each result over an index of the arguments' k-grams.
 */
export function findProvenance(args: unknown, writeConnectorId: string, earlier: readonly EarlierToolResult[], limits: Partial<ProvenanceLimits> = {}): ProvenanceReport {
  const bounds = { ...DEFAULT_PROVENANCE_LIMITS, ...limits };
  const k = Math.max(1, bounds.minLength);
  const extracted = argumentStrings(args, bounds.maxArgumentChars);
  const needles = extracted.value.filter((needle) => needle.text.trim().length >= k);
  const report: ProvenanceReport = { crossConnector: [], sameConnector: [], limited: extracted.limited || earlier.length > bounds.maxResults };
  if (needles.length === 0) return report;
  const index = indexNeedles(needles, k);
  const work = { left: bounds.maxWork };
  for (const source of earlier.slice(-bounds.maxResults)) {
    const built = source.haystack === undefined ? resultHaystack(source.result, bounds.maxResultChars) : { value: source.haystack.slice(0, bounds.maxResultChars), limited: source.haystack.length > bounds.maxResultChars };
    const haystack = built.value;
    report.limited ||= built.limited;
    const longest = scan(haystack, needles, index, k, work);
    for (const [n, span] of [...longest].sort(([a], [b]) => a - b)) {
      const { callId, connectorId, connectorLabel, toolName } = source;
      const sameConnector = connectorId === writeConnectorId;
      const hit: ProvenanceHit = { path: needles[n]!.path, excerpt: excerptOf(span), matchLength: span.length, source: { connectorId, connectorLabel, toolName, callId }, sameConnector };
      (sameConnector ? report.sameConnector : report.crossConnector).push(hit);
    }
    if (work.left <= 0) return { ...report, limited: true };
  }
  return report;
}
