/** What providers accept as a function name (OpenAI, and the strictest of the compatible ones). */
export const MODEL_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const MAX_LENGTH = 64;
const SEPARATOR = '__';

/** A connector's tool as the model will see it. */
export interface ToolNameEntry {
  connectorId: string;
  connectorLabel: string;
  toolName: string;
}

/** Both directions: the model's name for each tool, and which tool a name the model used means. */
export interface ToolNameMap {
  toModel(connectorId: string, toolName: string): string | undefined;
  fromModel(modelName: string): Pick<ToolNameEntry, 'connectorId' | 'toolName'> | undefined;
  /** Names the mapping had to change to keep apart (shown to the user as collisions). */
  collisions: string[];
}

/**
 * Names every tool `<connector>__<tool>`, reduced to the characters providers accept. Names that
 * are too long or that two tools would share get a short hash of the connector id and tool name,
 * so each tool keeps the same name however the list is ordered or what else is selected.
 */
export function mapToolNames(entries: readonly ToolNameEntry[]): ToolNameMap {
  const byBase = new Map<string, ToolNameEntry[]>();
  for (const entry of entries) {
    const base = baseName(entry);
    byBase.set(base, [...(byBase.get(base) ?? []), entry]);
  }
  const forward = new Map<string, string>();
  const backward = new Map<string, Pick<ToolNameEntry, 'connectorId' | 'toolName'>>();
  const collisions: string[] = [];
  for (const [base, group] of byBase) {
    if (group.length > 1) collisions.push(base);
    for (const entry of group) {
      const name = group.length > 1 ? withSuffix(base, identityHash(entry)) : base;
      forward.set(key(entry.connectorId, entry.toolName), name);
      backward.set(name, { connectorId: entry.connectorId, toolName: entry.toolName });
    }
  }
  return {
    toModel: (connectorId, toolName) => forward.get(key(connectorId, toolName)),
    fromModel: (modelName) => backward.get(modelName),
    collisions,
  };
}

function baseName(entry: ToolNameEntry): string {
  const name = `${sanitize(entry.connectorLabel) || 'connector'}${SEPARATOR}${sanitize(entry.toolName) || 'tool'}`;
  return name.length <= MAX_LENGTH ? name : withSuffix(name, identityHash(entry));
}

/** Keeps letters, digits, `_` and `-`; everything else becomes `_`, runs collapsed. */
function sanitize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9_-]+/g, '_')
    .replace(/_{3,}/g, '__')
    .replace(/^_+|_+$/g, '');
}

function withSuffix(name: string, hash: string): string {
  return `${name.slice(0, MAX_LENGTH - hash.length - 1)}_${hash}`;
}

const key = (connectorId: string, toolName: string) => `${connectorId}\u0000${toolName}`;

/** FNV-1a, 32 bits, as 8 hex digits: short, synchronous and the same on every run. */
function identityHash(entry: Pick<ToolNameEntry, 'connectorId' | 'toolName'>): string {
  let hash = 0x811c9dc5;
  for (const char of key(entry.connectorId, entry.toolName)) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
