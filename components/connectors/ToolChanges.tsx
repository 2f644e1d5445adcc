import type { ToolListDiff } from '@/lib/contract/tool-diff';
import { isEmptyDiff } from '@/lib/contract/tool-diff';

/** What the last refresh changed: tools added, removed, and each changed field before/after. */
export function ToolChanges({ diff }: { diff: ToolListDiff }) {
  return (
    <section className="tool-changes" aria-label="Tool changes">
      <h3>Changes since the previous list</h3>
      {isEmptyDiff(diff) && <p className="muted">No changes.</p>}
      <ul>
        {diff.added.map((name) => (
          <li key={`+${name}`} data-kind="added">
            + <code>{name}</code> added
          </li>
        ))}
        {diff.removed.map((name) => (
          <li key={`-${name}`} data-kind="removed">
            − <code>{name}</code> removed
          </li>
        ))}
        {diff.changed.map((change) => (
          <li key={`~${change.name}`} data-kind="changed">
            ~ <code>{change.name}</code> changed: {change.fields.map((f) => f.field).join(', ')}
            {change.fields.map((f) => (
              <div key={f.field} className="diff-pair">
                <del>{display(f.before)}</del>
                <ins>{display(f.after)}</ins>
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function display(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
