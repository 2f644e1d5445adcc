import { useState } from 'react';
import { childPath, containerSummary, leafText } from './json-path';

/** Children shown at first, and per "Show more": a 10,000-item array renders 100 rows, not 10,000. */
export const JSON_CHILDREN_PAGE = 100;
/** Characters of a leaf shown; the rest is counted, and Copy value still copies it whole. */
const LEAF_CHARS = 2_000;

/** The node picked for Copy path / Copy value. */
export interface JsonPick {
  path: string;
  value: unknown;
}

interface NodeProps {
  name: string | number | null;
  path: string;
  value: unknown;
  depth: number;
  /** Containers deeper than this start collapsed. */
  openDepth: number;
  picked: string | null;
  onPick(pick: JsonPick): void;
}

function entriesOf(value: object): [string | number, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
}

function valueKind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** One line of the tree (a key and its value), and, for an open object or array, its children. */
export function JsonNode({ name, path, value, depth, openDepth, picked, onPick }: NodeProps) {
  const container = typeof value === 'object' && value !== null;
  const [open, setOpen] = useState(depth < openDepth);
  const [shown, setShown] = useState(JSON_CHILDREN_PAGE);
  const keyText = name === null ? '$' : typeof name === 'number' ? String(name) : JSON.stringify(name);
  const leaf = container ? null : leafText(value, LEAF_CHARS);
  const entries = container && open ? entriesOf(value) : [];
  return (
    <li className="json-node" data-path={path}>
      <div className="json-line" data-picked={picked === path}>
        {container ? (
          <button type="button" className="json-toggle" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${path}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="json-toggle" aria-hidden="true" />
        )}
        <button type="button" className="json-key" aria-pressed={picked === path} title={path} onClick={() => onPick({ path, value })}>
          {keyText}
        </button>
        <span className="json-colon">: </span>
        {container ? (
          <span className="json-summary">{open ? (Array.isArray(value) ? '[' : '{') : containerSummary(value)}</span>
        ) : (
          <span className={`json-value json-${valueKind(value)}`}>
            {leaf!.text}
            {leaf!.cut > 0 && <span className="muted"> ({leaf!.cut.toLocaleString('en')} more characters)</span>}
          </span>
        )}
      </div>
      {entries.length > 0 && (
        <ul className="json-children">
          {entries.slice(0, shown).map(([key, child]) => (
            <JsonNode key={key} name={key} path={childPath(path, key)} value={child} depth={depth + 1} openDepth={openDepth} picked={picked} onPick={onPick} />
          ))}
          {entries.length > shown && (
            <li>
              <button type="button" className="btn btn-small json-more" onClick={() => setShown(shown + JSON_CHILDREN_PAGE)}>
                Show {Math.min(JSON_CHILDREN_PAGE, entries.length - shown)} more of {entries.length - shown}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
