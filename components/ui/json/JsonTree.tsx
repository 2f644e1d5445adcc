import { useState } from 'react';
import { JsonNode, type JsonPick } from './JsonNode';
import { copyText, JSON_ROOT } from './json-path';
import './json-tree.css';

/** Raw text past this many characters is cut (the tree and Copy value still hold it all). */
const RAW_CHARS = 256 * 1024;

/**
 * JSON as a collapsible tree, written here rather than taken from a library: every key and value is
 * a React text node (no HTML, no eval, no injected style sheet, so the extension CSP holds), huge
 * values render in pages, and a picked node's JSONPath and value copy as text. A toggle shows the
 * raw, pretty-printed text instead.
 */
export default function JsonTree({ value, label, openDepth = 4 }: { value: unknown; label: string; openDepth?: number }) {
  const [raw, setRaw] = useState(false);
  const [pick, setPick] = useState<JsonPick>({ path: JSON_ROOT, value });
  const [said, setSaid] = useState('');
  const picked = pick.path === JSON_ROOT ? { path: JSON_ROOT, value } : pick;

  async function copy(what: 'path' | 'value') {
    const text = what === 'path' ? picked.path : copyText(picked.value);
    try {
      await navigator.clipboard.writeText(text);
      setSaid(what === 'path' ? `Copied ${picked.path}` : `Copied the value of ${picked.path}`);
    } catch {
      setSaid('The clipboard refused the copy');
    }
  }

  const text = raw ? (JSON.stringify(value, null, 2) ?? String(value)) : '';
  return (
    <div className="json-tree" role="group" aria-label={label}>
      <div className="json-tools row">
        <code className="json-path mono" title="Path of the picked node">
          {picked.path}
        </code>
        <button type="button" className="btn btn-small" onClick={() => void copy('path')}>
          Copy path
        </button>
        <button type="button" className="btn btn-small" onClick={() => void copy('value')}>
          Copy value
        </button>
        <button type="button" className="btn btn-small" aria-pressed={raw} onClick={() => setRaw(!raw)}>
          Raw
        </button>
        <span className="json-said muted small" role="status">
          {said}
        </span>
      </div>
      {raw ? (
        <pre className="json-raw">{text.length > RAW_CHARS ? `${text.slice(0, RAW_CHARS)}\n… (${(text.length - RAW_CHARS).toLocaleString('en')} more characters; Copy value copies all)` : text}</pre>
      ) : (
        <ul className="json-root">
          <JsonNode name={null} path={JSON_ROOT} value={value} depth={0} openDepth={openDepth} picked={picked.path} onPick={setPick} />
        </ul>
      )}
    </div>
  );
}
