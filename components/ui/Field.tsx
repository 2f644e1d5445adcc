import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface ShellProps {
  /** The control's accessible name; a decoration inside it (a required mark) may be `aria-hidden`. */
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children(control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }): ReactNode;
}

/** Label, control, hint and error, wired so the hint and error are announced with the control. */
function FieldShell({ label, hint, error, children }: ShellProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
      {hint && <span id={hintId} className="hint">{hint}</span>}
      {error && <span id={errorId} className="error">{error}</span>}
    </div>
  );
}

type Labelled = { label: ReactNode; hint?: ReactNode; error?: string | null };

/** A labelled text input. */
export function Field({ label, hint, error, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldShell {...{ label, hint, error }}>{(control) => <input className="input" {...control} {...input} />}</FieldShell>;
}

/** A labelled select; options as value/label pairs. */
export function SelectField({ label, hint, error, options, ...select }: Labelled & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  return (
    <FieldShell {...{ label, hint, error }}>
      {(control) => (
        <select className="input" {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A labelled multi-line text area. */
export function TextAreaField({ label, hint, error, ...area }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldShell {...{ label, hint, error }}>{(control) => <textarea className="input mono" {...control} {...area} />}</FieldShell>;
}
