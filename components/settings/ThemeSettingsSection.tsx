import { useId } from 'react';
import type { ThemeChoice } from '@/lib/contract/theme-choice';
import { useThemeChoice } from '../ui/useThemeChoice';

/** Each choice as the user reads it. */
const OPTIONS: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Settings › Appearance: System, Light or Dark, applied at once and kept for the next open. */
export function ThemeSettingsSection() {
  const [choice, choose] = useThemeChoice();
  const name = useId();
  return (
    <section className="stack" aria-labelledby={`${name}-title`}>
      <h2 className="section-title" id={`${name}-title`}>
        Appearance
      </h2>
      <div className="card">
        <div className="theme-choice" role="radiogroup" aria-label="Theme">
          <span className="theme-choice-label" aria-hidden="true">
            Theme
          </span>
          <div className="segmented">
            {OPTIONS.map((option) => (
              <label key={option.value} className="segmented-option">
                <input type="radio" name={name} value={option.value} checked={choice === option.value} onChange={() => choose(option.value)} />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
