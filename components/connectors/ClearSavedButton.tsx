import type { StoredField, StoredFieldClearing } from './useStoredFieldClearing';

/** "Clear saved …" under a field whose stored value the form does not show; pressed, Save removes it. */
export function ClearSavedButton({ field, what, clearing }: { field: StoredField; what: string; clearing: StoredFieldClearing }) {
  const pressed = clearing.isCleared(field);
  return (
    <button className="btn btn-small" type="button" aria-pressed={pressed} onClick={() => clearing.toggle(field)}>
      {pressed ? `Keep saved ${what}` : `Clear saved ${what}`}
    </button>
  );
}
