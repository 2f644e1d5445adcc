import type { ToolListDiff } from '@/lib/contract/tool-diff';
import { driftFieldLabel, driftValueText, wordDiff } from './drift-text';

type ToolChange = ToolListDiff['changed'][number];

/** A tool's definition before and after it changed: text as a word diff, schemas as JSON. */
export function DriftView({ drift }: { drift: ToolChange }) {
  return (
    <section className="drift" aria-label="What changed">
      <h3 className="drift-title">What changed since you approved it</h3>
      {drift.fields.length === 0 && <p className="small muted">The definition changed, but no field the card shows.</p>}
      {drift.fields.map((field) => (
        <div key={field.field} className="drift-field">
          <span className="small drift-label">{driftFieldLabel(field.field)}</span>
          {typeof field.before === 'string' && typeof field.after === 'string' ? (
            <p className="drift-text">
              {wordDiff(field.before, field.after).map((segment, index) =>
                segment.kind === 'same' ? (
                  <span key={index}>{segment.text}</span>
                ) : segment.kind === 'removed' ? (
                  <del key={index}>{segment.text}</del>
                ) : (
                  <ins key={index}>{segment.text}</ins>
                ),
              )}
            </p>
          ) : (
            <div className="drift-json">
              <pre aria-label={`${driftFieldLabel(field.field)} before`} data-kind="before">{driftValueText(field.before)}</pre>
              <pre aria-label={`${driftFieldLabel(field.field)} after`} data-kind="after">{driftValueText(field.after)}</pre>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
