import { useEffect, useState } from 'react';
import type { ModelApi } from '@/lib/contract/model-api';
import { HttpUrlSchema, type ProviderSettingsInput, type ProviderSettingsView } from '@/lib/contract/provider-settings';

/** The form's editable values; `apiKey` holds only a newly typed key, never the stored one. */
export interface SettingsDraft {
  apiKey: string;
  baseUrl: string;
  model: string;
  api: ModelApi;
}

/**
 * Form state seeded from the stored view once it arrives, with the URL check the background
 * repeats. A reconnect does not overwrite what the user is typing.
 */
export function useSettingsForm(stored: ProviderSettingsView | null) {
  const [draft, setDraft] = useState<SettingsDraft>({ apiKey: '', baseUrl: '', model: '', api: 'chat-completions' });
  const [seeded, setSeeded] = useState(false);

  useEffect(() => {
    if (!stored || seeded) return;
    setDraft({ apiKey: '', baseUrl: stored.baseUrl, model: stored.model, api: stored.api });
    setSeeded(true);
  }, [stored, seeded]);

  const urlCheck = HttpUrlSchema.safeParse(draft.baseUrl);
  const baseUrlError = draft.baseUrl === '' ? 'Base URL is required.' : urlCheck.success ? null : urlCheck.error.issues[0]!.message;

  function toInput(): ProviderSettingsInput {
    return { apiKey: draft.apiKey === '' ? undefined : draft.apiKey, baseUrl: draft.baseUrl.trim(), model: draft.model.trim(), api: draft.api };
  }

  return {
    draft,
    ready: seeded,
    baseUrlError,
    update: (patch: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...patch })),
    clearTypedKey: () => setDraft((current) => ({ ...current, apiKey: '' })),
    toInput,
  };
}
