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
  const [active, setActive] = useState(-1);
  const asked = useRef(0);

  function suggest(next: string) {
    const ticket = ++asked.current;
    complete(next).then(
      (values) => {
        if (ticket !== asked.current) return;
        setOptions(values);
        setActive(-1);
      },
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
        aria-activedescendant={active >= 0 ? `${id}-option-${active}` : undefined}
        onKeyDown={(event) => {
          // Arrow keys move through the suggestions; Enter takes the marked one instead of submitting.
          if (options.length === 0) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((active + (event.key === 'ArrowDown' ? 1 : options.length - 1) + options.length) % options.length);
          } else if (event.key === 'Enter' && active >= 0) {
            event.preventDefault();
            onChange(options[active]!);
            setOptions([]);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            setOptions([]);
          }
        }}
        onChange={(event) => {
          onChange(event.target.value);
          suggest(event.target.value);
        }}
      />
      {options.length > 0 && (
        <div className="completion-anchor">
          <ul className="completion-options" role="listbox" id={`${id}-options`} aria-label={`Suggestions for ${label}`}>
            {options.map((option, index) => (
              <li
                key={option}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
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
