import { useState } from 'react';
import { MODEL_PRESETS, ModelPresetIdSchema, modelPreset, type ModelPreset } from '@/lib/contract/model-presets';
import { SelectField } from '../ui/Field';

const OPTIONS = [{ value: '', label: 'Choose a provider…' }, ...MODEL_PRESETS.map((preset) => ({ value: preset.id, label: preset.label }))];

const KEY_TEXT: Record<ModelPreset['keyNeeded'], string> = {
  required: 'Needs an API key.',
  none: 'No API key needed.',
  optional: 'API key optional.',
};

/**
 * Settings › **Preset**: fills Base URL, API and Model with a provider's usual values and says
 * what to change; the fields stay editable, and the key is left as typed.
 */
export function ModelPresetField({ onChoose, disabled }: { onChoose(preset: ModelPreset): void; disabled: boolean }) {
  const [chosen, setChosen] = useState<ModelPreset | null>(null);
  return (
    <SelectField
      label="Preset"
      options={OPTIONS}
      value={chosen?.id ?? ''}
      hint={chosen ? `${KEY_TEXT[chosen.keyNeeded]} ${chosen.note}` : 'Fills Base URL, API and Model for a provider; edit them after.'}
      disabled={disabled}
      onChange={(event) => {
        const id = ModelPresetIdSchema.safeParse(event.target.value);
        if (!id.success) return setChosen(null);
        const preset = modelPreset(id.data);
        setChosen(preset);
        onChoose(preset);
      }}
    />
  );
}
