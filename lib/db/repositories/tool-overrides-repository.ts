import type { PatchbayDatabase } from '../database';
import { ToolOverrideRowSchema, type ToolOverrideRow } from '../../contract/tool-override';

/** What-if overrides, written only by the background; the panel reads them live to mark tools. */
export class ToolOverridesRepository {
  constructor(private readonly db: PatchbayDatabase) {}

  async put(row: ToolOverrideRow): Promise<void> {
    await this.db.toolOverrides.put(ToolOverrideRowSchema.parse(row));
  }

  async remove(id: string): Promise<void> {
    await this.db.toolOverrides.delete(id);
  }

  /** The overrides of these connectors (the ones a run offers tools of). */
  async ofConnectors(connectorIds: readonly string[]): Promise<ToolOverrideRow[]> {
    const lists = await Promise.all(connectorIds.map((id) => overridesOfConnector(this.db, id)));
    return lists.flat();
  }
}

/** A connector's overrides by tool name; rows that no longer parse are left out (never applied). */
export async function overridesOfConnector(db: PatchbayDatabase, connectorId: string): Promise<ToolOverrideRow[]> {
  const rows = await db.toolOverrides.where('[connectorId+toolName]').between([connectorId, ''], [connectorId, '\uffff']).toArray();
  return rows.flatMap((row) => {
    const parsed = ToolOverrideRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The names of a connector's tools that have a what-if override, from the index alone (no row read). */
export async function overriddenToolNames(db: PatchbayDatabase, connectorId: string): Promise<Set<string>> {
  const keys = await db.toolOverrides.where('[connectorId+toolName]').between([connectorId, ''], [connectorId, '\uffff']).keys();
  return new Set(keys.map((key) => (Array.isArray(key) ? String(key[1]) : '')).filter(Boolean));
}
