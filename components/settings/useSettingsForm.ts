import { useEffect, useState } from 'react';
import type { ModelApi } from '@/lib/contract/model-api';
import { HttpUrlSchema, type ProviderSettingsInput, type ProviderSettingsView } from '@/lib/contract/provider-settings';
import { MAX_TOOLS_PER_REQUEST, ToolLimitSchema } from '@/lib/contract/tool-budget';

/** The form's editable values; `apiKey` holds only a newly typed key, never the stored one. */
export interface SettingsDraft {
  apiKey: string;
  baseUrl: string;
  model: string;
  api: ModelApi;
  /** Settings › **Tool limit** for the model typed in `model`; empty means the API's 128. */
  toolLimit: string;
  /** Settings › "Send requests without the Origin header", for a local server that refuses extensions. */
  omitOrigin: boolean;
}

/**
 * Form state seeded from the stored view once it arrives, with the URL check the background
 * repeats. A reconnect does not overwrite what the user is typing.
 */
export function useSettingsForm(stored: ProviderSettingsView | null) {
  const [draft, setDraft] = useState<SettingsDraft>({ apiKey: '', baseUrl: '', model: '', api: 'chat-completions', toolLimit: '', omitOrigin: false });
  const [seeded, setSeeded] = useState(false);

  useEffect(() => {
    if (!stored || seeded) return;
    setDraft({ apiKey: '', baseUrl: stored.baseUrl, model: stored.model, api: stored.api, toolLimit: limitText(stored, stored.model), omitOrigin: stored.omitOrigin });
    setSeeded(true);
  }, [stored, seeded]);

  const urlCheck = HttpUrlSchema.safeParse(draft.baseUrl);
  const baseUrlError = draft.baseUrl === '' ? 'Base URL is required.' : urlCheck.success ? null : urlCheck.error.issues[0]!.message;

  const limit = draft.toolLimit.trim() === '' ? null : ToolLimitSchema.safeParse(Number(draft.toolLimit));
  const toolLimitError = limit === null || limit.success ? null : `A whole number from 2 to ${MAX_TOOLS_PER_REQUEST}, or empty for ${MAX_TOOLS_PER_REQUEST}.`;

  /** What Save sends; `patch` is a change made in the same click (a model picked from the list). */
  function toInput(patch: Partial<SettingsDraft> = {}): ProviderSettingsInput {
    const values = { ...draft, ...patch };
    const toolLimit = limit === null ? null : limit.success ? limit.data : undefined;
    return {
      apiKey: values.apiKey === '' ? undefined : values.apiKey,
      baseUrl: values.baseUrl.trim(),
      model: values.model.trim(),
      api: values.api,
      ...(patch.model === undefined || patch.model === draft.model ? { toolLimit } : {}),
      omitOrigin: values.omitOrigin,
    };
  }

  return {
    draft,
    ready: seeded,
    baseUrlError,
    toolLimitError,
    update: (patch: Partial<SettingsDraft>) =>
      // Another model name shows that model's own limit.
      setDraft((current) => ({ ...current, ...patch, ...(patch.model !== undefined && stored ? { toolLimit: limitText(stored, patch.model.trim()) } : {}) })),
    clearTypedKey: () => setDraft((current) => ({ ...current, apiKey: '' })),
    toInput,
  };
}

function limitText(stored: ProviderSettingsView, model: string): string {
  const limit = stored.toolLimits[model];
  return limit === undefined ? '' : String(limit);
}
