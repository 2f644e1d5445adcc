import type { ResourceContentView } from '@/lib/contract/resource-view';
import { formatBytes } from '@/lib/contract/format-bytes';
import { Highlighted } from '@/components/ui/Highlighted';
import { JsonView } from '@/components/ui/json/JsonView';
import { downloadBase64 } from './download-base64';

/**
 * A resource's contents as data: text as text (JSON laid out, known languages coloured), raster
 * images from their bytes, anything else as a download; every item says its type and full size, and when it was cut.
 */
export function ResourceContents({ contents, label }: { contents: readonly ResourceContentView[]; label: string }) {
  return (
    <section className="resource-contents" aria-label={label}>
      {contents.length === 0 && <p className="muted small">The server returned no contents.</p>}
      {contents.map((item, index) => (
        <div key={`${item.uri}#${index}`} className="stack">
          <p className="muted small">
            {item.mimeType ?? 'no type'} · {formatBytes(item.totalBytes)}
            {item.kind === 'text' && item.truncated ? ' in all; shortened for display' : ''}
          </p>
          <ContentItem item={item} index={index} />
        </div>
      ))}
    </section>
  );
}

function ContentItem({ item, index }: { item: ResourceContentView; index: number }) {
  switch (item.kind) {
    case 'text': {
      // Whole JSON is a tree (with copy-path and raw); shortened or invalid JSON stays text.
      const json = item.truncated ? undefined : jsonOf(item.text, item.mimeType);
      if (json !== undefined) return <JsonView label={`JSON of ${item.uri}`} value={json} caption={false} />;
      const language = languageOf(item.mimeType, item.uri);
      return (
        <pre className="result-text resource-text hljs" data-language={language}>
          <Highlighted text={laidOut(item.text, item.mimeType)} language={language} />
        </pre>
      );
    }
    case 'image':
      return <img className="result-image" alt={`Image ${index + 1} of ${item.uri}`} src={`data:${item.mimeType};base64,${item.base64}`} />;
    case 'blob':
      return item.base64 === null ? (
        <p className="small">Binary content too large to offer here ({formatBytes(item.totalBytes)}).</p>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => downloadBase64(fileNameOf(item.uri), item.base64!, item.mimeType ?? 'application/octet-stream')}>
          Download {fileNameOf(item.uri)}
        </button>
      );
  }
}

/** The parsed value of a JSON text, or undefined when it is not JSON (by type) or does not parse. */
function jsonOf(text: string, mimeType: string | null): unknown {
  if (mimeType !== 'application/json' && !mimeType?.endsWith('+json')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** JSON is shown indented; anything else exactly as sent. */
function laidOut(text: string, mimeType: string | null): string {
  if (mimeType !== 'application/json' && !mimeType?.endsWith('+json')) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const EXTENSIONS: Record<string, string> = { ts: 'typescript', js: 'javascript', json: 'json', md: 'markdown', py: 'python', html: 'html', css: 'css', yaml: 'yaml', yml: 'yaml', sh: 'bash', sql: 'sql', xml: 'xml' };

/** The language a text is in, from its type or extension: set on the block for monospace layout and a label. */
function languageOf(mimeType: string | null, uri: string): string {
  const fromType = mimeType?.split(/[/;]/)[1]?.trim().replace(/^x-/, '').replace(/^.*\+(json|xml)$/, '$1');
  if (fromType && fromType !== 'plain') return fromType;
  const extension = uri.split('.').at(-1)?.toLowerCase() ?? '';
  return Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension]! : 'text';
}

function fileNameOf(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).at(-1) ?? 'resource';
  return last.replace(/[^\w.-]+/g, '_') || 'resource';
}
