import { lazy, Suspense } from 'react';

// The tree is its own chunk: the first screen never loads it, a Details or a frame does.
const JsonTree = lazy(() => import('./JsonTree'));

/**
 * JSON shown as a collapsible tree with copy-path, copy-value and a raw toggle; the pretty text
 * stands in while the tree's chunk loads. `label` names the group and captions it.
 */
export function JsonView({ label, value, caption = true }: { label: string; value: unknown; caption?: boolean }) {
  return (
    <figure className="json-block">
      {caption && <figcaption>{label}</figcaption>}
      <Suspense fallback={<pre>{JSON.stringify(value, null, 2)}</pre>}>
        <JsonTree label={label} value={value} />
      </Suspense>
    </figure>
  );
}
