import { useId, useRef, useState } from 'react';

interface CompletionInputProps {
  /** The field's label: the argument's or variable's name (UI contract). */
  label: string;
  value: string;
  required?: boolean;
  hint?: string | undefined;
  onChange(value: string): void;
  /** Suggestions for a value as typed; the server's `completion/complete` answer. */
  complete(value: string): Promise<string[]>;
}

/**
 * A text field that asks the server for completions as the user types and lists them as options
 * to pick. A late answer for an older value is dropped, so the list always matches the field.
 */
export function CompletionInput({ label, value, required = false, hint: description, onChange, complete }: CompletionInputProps) {
  const id = useId();
  // Required is said the way the Run dialog says it: in the hint, read with the field.
  const hint = [required ? 'Required.' : null, description].filter(Boolean).join(' ') || undefined;
  const [options, setOptions] = useState<string[]>([]);
  const asked = useRef(0);

  function suggest(next: string) {
    const ticket = ++asked.current;
    complete(next).then(
      (values) => ticket === asked.current && setOptions(values),
      () => ticket === asked.current && setOptions([]),
    );
  }

  return (
    <div className="field completion-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        value={value}
        required={required}
        autoComplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-autocomplete="list"
        aria-controls={options.length > 0 ? `${id}-options` : undefined}
        onFocus={() => suggest(value)}
        onBlur={() => {
          asked.current += 1;
          setOptions([]);
        }}
        onChange={(event) => {
          onChange(event.target.value);
          suggest(event.target.value);
        }}
      />
      {options.length > 0 && (
        <div className="completion-anchor">
          <ul className="completion-options" role="listbox" id={`${id}-options`} aria-label={`Suggestions for ${label}`}>
            {options.map((option) => (
              <li
                key={option}
                role="option"
                aria-selected={false}
                tabIndex={-1}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  onChange(option);
                  setOptions([]);
                }}
              >
                {option}
              </li>
            ))}
          </ul>
        </div>
      )}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
