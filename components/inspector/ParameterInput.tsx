import type { ParameterField } from '@/lib/contract/schema-form';
import { Field, SelectField, TextAreaField } from '../ui/Field';

interface ParameterInputProps {
  field: ParameterField;
  value: string;
  error?: string;
  onChange(value: string): void;
}

/** One parameter's control, labelled by the parameter's name (UI contract). */
export function ParameterInput({ field, value, error, onChange }: ParameterInputProps) {
  const hint = [field.required ? 'Required.' : null, field.description].filter(Boolean).join(' ') || undefined;
  const common = { label: field.name, hint, error };
  switch (field.kind) {
    case 'string':
      return <Field {...common} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
    case 'integer':
      return <Field {...common} type="number" step={field.kind === 'integer' ? 1 : 'any'} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'boolean':
      return <SelectField {...common} options={[{ value: '', label: '(not set)' }, { value: 'true', label: 'true' }, { value: 'false', label: 'false' }]} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'enum':
      return <SelectField {...common} options={[{ value: '', label: '(not set)' }, ...(field.options ?? []).map((o) => ({ value: o, label: o }))]} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'multi-enum':
    case 'json':
      return <TextAreaField {...common} spellCheck={false} placeholder="JSON" value={value} onChange={(e) => onChange(e.target.value)} />;
  }
}
