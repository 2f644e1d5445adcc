import type { IndexableType } from 'dexie';
import type { PatchbayDatabase } from '../database';
import { partitionRows, type QuarantinedRow } from '../quarantined-row';
import { ConnectorRowSchema, type ConnectorRow } from '../rows';

/**
 * The Connectors screen's list, from the indexes alone: no row is read or parsed, so a live query
 * on it costs next to nothing when a connector's tool list is stored. Keys by label, then the keys
 * of rows absent from the label index (a damaged label), and the labels (the form's duplicate check).
 */
export interface ConnectorListing {
  keys: IndexableType[];
  labels: string[];
}

export async function connectorListing(db: PatchbayDatabase): Promise<ConnectorListing> {
  const byLabel = db.connectors.orderBy('label');
  const [labels, labelled, all] = await Promise.all([byLabel.keys(), byLabel.primaryKeys(), db.connectors.toCollection().primaryKeys()]);
  const listed = new Set<unknown>(labelled);
  return {
    keys: [...labelled, ...all.filter((key) => !listed.has(key))],
    labels: labels.filter((label): label is string => typeof label === 'string'),
  };
}

/** One stored connector as the screen shows it: usable, or quarantined with what is wrong. */
export type ConnectorEntry = { type: 'row'; row: ConnectorRow } | { type: 'corrupt'; entry: QuarantinedRow };

/** Reads and parses one row (a live query on it re-runs only when that row is written); null once it is gone. */
export async function connectorEntry(db: PatchbayDatabase, key: IndexableType): Promise<ConnectorEntry | null> {
  const stored: unknown = await db.connectors.get(key as string);
  if (stored === undefined) return null;
  const { rows, corrupt } = partitionRows('connectors', ConnectorRowSchema, [stored]);
  return rows[0] ? { type: 'row', row: rows[0] } : { type: 'corrupt', entry: corrupt[0]! };
}
