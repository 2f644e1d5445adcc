import type { IndexableType } from 'dexie';
import type { PatchbayDatabase } from '../database';
import { partitionRows, type QuarantinedRow } from '../quarantined-row';
import { ConnectorRowSchema, type ConnectorRow } from '../rows';

/**
 * The Connectors screen's list, from the indexes alone: no row is read or parsed, so a live query
 * on it costs next to nothing when a connector's tool list is stored. Keys by label, then the keys
 * of rows absent from the label index (a damaged label). Two `getAllKeys` calls: this query runs
 * again at every write to the table, twenty times in a refresh of twenty connectors.
 */
export interface ConnectorListing {
  keys: IndexableType[];
}

export async function connectorListing(db: PatchbayDatabase): Promise<ConnectorListing> {
  const [labelled, all] = await Promise.all([db.connectors.orderBy('label').primaryKeys(), db.connectors.toCollection().primaryKeys()]);
  const listed = new Set<unknown>(labelled);
  return { keys: [...labelled, ...all.filter((key) => !listed.has(key))] };
}

/**
 * The stored labels, for the form's duplicate check. Read apart from the list, and only while a
 * form is open: an index's keys come through a cursor, one IndexedDB event per connector.
 */
export async function connectorLabels(db: PatchbayDatabase): Promise<string[]> {
  const labels = await db.connectors.orderBy('label').keys();
  return labels.filter((label): label is string => typeof label === 'string');
}

/**
 * Every labelled connector's id and label, by label, from the label index alone (no row is read or
 * parsed): what a picker of connectors needs, such as an eval case's "connectors in play".
 */
export async function connectorChoices(db: PatchbayDatabase): Promise<{ id: string; label: string }[]> {
  const byLabel = db.connectors.orderBy('label');
  const [labels, ids] = await Promise.all([byLabel.keys(), byLabel.primaryKeys()]);
  return ids.flatMap((id, index) => {
    const label = labels[index];
    return typeof id === 'string' && typeof label === 'string' ? [{ id, label }] : [];
  });
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
