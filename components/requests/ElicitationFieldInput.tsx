import { useId, type ReactNode } from 'react';
import { labelOf, type ParameterField } from '@/lib/contract/schema-form';
import { Field, SelectField } from '../ui/Field';

interface Props {
  field: ParameterField;
  value: string;
  error?: string;
  disabled: boolean;
  onChange(value: string): void;
}

const INPUT_TYPE = { email: 'email', uri: 'url', date: 'date', 'date-time': 'datetime-local' } as const;

/** The limits a field states, in words under it. */
function limitsText(field: ParameterField): string | null {
  const parts: string[] = [];
  if (field.minLength !== undefined || field.maxLength !== undefined) parts.push(`${field.minLength ?? 0}–${field.maxLength ?? '∞'} characters`);
  if (field.minimum !== undefined || field.maximum !== undefined) parts.push(`from ${field.minimum ?? '−∞'} to ${field.maximum ?? '∞'}`);
  if (field.minItems !== undefined || field.maxItems !== undefined) parts.push(`choose ${field.minItems ?? 0}–${field.maxItems ?? 'any'}`);
  return parts.length ? parts.join(', ') : null;
}

/**
 * One field of a server's form, labelled by its `title` (else its name; UI contract), its
 * description and limits under it, required ones marked. Every text is the server's: plain text only.
 */
export function ElicitationFieldInput({ field, value, error, disabled, onChange }: Props) {
  const label = labelOf(field);
  const words = [field.description, limitsText(field)].filter(Boolean).join(' · ');
  // The required mark sits beside the label's text, not in it: the accessible name stays the title.
  const hint =
    field.required || words ? (
      <>
        {field.required && <span className="request-required">Required</span>}
        {field.required && words && ' '}
        {words}
      </>
    ) : undefined;
  const choices = (field.options ?? []).map((option, i) => ({ value: option, label: field.optionTitles?.[i] ?? option }));
  const common = { label, hint, error, disabled };
  switch (field.kind) {
    case 'string':
    case 'json':
      return <Field {...common} type={field.format ? INPUT_TYPE[field.format] : 'text'} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
    case 'integer':
      return <Field {...common} type="number" step={field.kind === 'integer' ? 1 : 'any'} min={field.minimum} max={field.maximum} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'boolean':
      return <CheckboxField {...common} checked={value === 'true'} onChange={(checked) => onChange(String(checked))} />;
    case 'enum':
      return <SelectField {...common} options={[{ value: '', label: field.required ? '(choose one)' : '(not set)' }, ...choices]} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'multi-enum':
      return <MultiChoice {...common} choices={choices} value={value} onChange={onChange} />;
  }
}

function CheckboxField({ label, hint, error, disabled, checked, onChange }: { label: string; hint?: ReactNode; error?: string; disabled: boolean; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="request-check" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
        {label}
      </label>
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      {error && <span className="error">{error}</span>}
    </div>
  );
}

/** A multiple choice as a group of checkboxes; the value is the chosen options as JSON array text. */
function MultiChoice({ label, hint, error, disabled, choices, value, onChange }: { label: string; hint?: ReactNode; error?: string; disabled: boolean; choices: { value: string; label: string }[]; value: string; onChange(value: string): void }) {
  let chosen: string[] = [];
  try {
    const parsed: unknown = JSON.parse(value || '[]');
    if (Array.isArray(parsed)) chosen = parsed.filter((v): v is string => typeof v === 'string');
  } catch {
    chosen = [];
  }
  const toggle = (option: string, on: boolean) => onChange(JSON.stringify(on ? [...chosen, option] : chosen.filter((c) => c !== option)));
  return (
    <fieldset className="field request-choices">
      <legend>{label}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="request-check">
          <input type="checkbox" disabled={disabled} checked={chosen.includes(choice.value)} onChange={(e) => toggle(choice.value, e.target.checked)} />
          {choice.label}
        </label>
      ))}
      {hint && <span className="hint">{hint}</span>}
      {error && <span className="error">{error}</span>}
    </fieldset>
  );
}
