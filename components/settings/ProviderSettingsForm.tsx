import { useState } from 'react';
import { ensureHostPermission } from '@/components/browser/host-permissions';
import { originPatternOf } from '@/lib/contract/origin-pattern';
import type { EndpointCheckResult } from '@/lib/contract/endpoint-check-result';
import { ModelApiSchema, type ModelApi } from '@/lib/contract/model-api';
import { sendCommand } from '@/lib/messaging/command-client';
import { insecureBaseUrlWarning, keyOriginNotice } from '@/lib/contract/provider-settings-origin';
import { useCommandQuery } from '../app/useCommandQuery';
import { Field, SelectField } from '../ui/Field';
import { errorText } from '../ui/error-text';
import { EndpointCheckNotice } from './EndpointCheckNotice';
import { ModelPresetField } from './ModelPresetField';
import './model-settings.css';
import { useSettingsForm, type SettingsDraft } from './useSettingsForm';

const APIS: readonly { value: ModelApi; label: string }[] = [
  { value: 'chat-completions', label: 'Chat Completions' },
  { value: 'responses', label: 'Responses' },
];

type Feedback =
  | { kind: 'none' }
  | { kind: 'busy'; text: string }
  | { kind: 'message'; tone: 'ok' | 'warn' | 'error'; text: string };

/** The model provider: key, endpoint and model, with Save and a Test that lists the models. */
export function ProviderSettingsForm() {
  const query = useCommandQuery('settings.get', {}, ['settings-changed']);
  const stored = query.status === 'ready' ? query.data : null;
  const form = useSettingsForm(stored);
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'none' });
  /** The last Test's result; it stays while a model is picked from it and saved. */
  const [check, setCheck] = useState<EndpointCheckResult | null>(null);
  const busy = feedback.kind === 'busy';
  /** The saved key is for another origin than the Base URL being typed: it stays behind. */
  const keyMoved = stored ? keyOriginNotice(stored, form.draft.baseUrl, form.draft.apiKey) : null;

  async function run(text: string, action: () => Promise<Feedback>) {
    setFeedback({ kind: 'busy', text });
    try {
      setFeedback(await action());
    } catch (error) {
      setFeedback({ kind: 'message', tone: 'error', text: errorText(error) });
    }
  }

  function save(patch: Partial<SettingsDraft> = {}) {
    if (form.baseUrlError || form.toolLimitError) return;
    const input = form.toInput(patch);
    const dropsKey = keyMoved !== null;
    // Asked before any await: Firefox shows the permission prompt only inside the click.
    const permission = ensureHostPermission(input.baseUrl);
    void run('Saving…', async () => {
      const granted = await permission;
      await sendCommand('settings.save', input);
      form.clearTypedKey();
      const what = patch.model ? `Saved. Model: ${input.model}.` : 'Saved.';
      const saved = dropsKey ? `${what} The old API key was removed: it belonged to another server. Type the key for this one.` : what;
      return granted
        ? { kind: 'message', tone: dropsKey ? 'warn' : 'ok', text: saved }
        : { kind: 'message', tone: 'warn', text: `${saved} Patchbay may not reach ${originPatternOf(input.baseUrl)} until you allow it. Save again to be asked.` };
    });
  }

  function test() {
    if (form.baseUrlError) return;
    const input = form.toInput();
    const permission = ensureHostPermission(input.baseUrl);
    setCheck(null);
    void run('Testing…', async () => {
      await permission;
      const result = await sendCommand('settings.checkEndpoint', input);
      // The endpoint answered only without Origin: the option that makes that permanent is turned on.
      if (result.ok && result.originOmitted) form.update({ omitOrigin: true });
      setCheck(result);
      return { kind: 'none' };
    });
  }

  const keyHint = keyMoved ?? (stored?.apiKeyHint
    ? `A key is saved (${stored.apiKeyHint}). Type a new one to replace it.`
    : 'Stored only in this browser’s extension storage; sent only to the Base URL.');

  return (
    <form
      className="stack"
      aria-label="Model provider"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2 className="section-title">Model provider</h2>
      <p className="muted">Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI, OpenRouter, Ollama, LM Studio, vLLM.</p>
      <div className="card stack">
        <ModelPresetField
          disabled={!form.ready}
          onChoose={(preset) => form.update({ baseUrl: preset.baseUrl, api: preset.api, model: preset.model })}
        />
        <Field
          label="API key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={stored?.apiKeyHint ? `Saved: ${stored.apiKeyHint}` : 'sk-…'}
          hint={keyHint}
          value={form.draft.apiKey}
          onChange={(event) => form.update({ apiKey: event.target.value })}
          disabled={!form.ready}
        />
        <Field
          label="Base URL"
          type="url"
          spellCheck={false}
          value={form.draft.baseUrl}
          error={form.ready ? form.baseUrlError : null}
          hint={insecureBaseUrlWarning(form.draft.baseUrl)}
          onChange={(event) => form.update({ baseUrl: event.target.value })}
          disabled={!form.ready}
        />
        <Field
          label="Model"
          spellCheck={false}
          placeholder="gpt-4.1-mini"
          value={form.draft.model}
          onChange={(event) => form.update({ model: event.target.value })}
          disabled={!form.ready}
        />
        <Field
          label="Tool limit"
          inputMode="numeric"
          placeholder="128"
          hint={`Most tools one request may carry for this model (2–128). With more enabled, the model searches them with search_tools.`}
          value={form.draft.toolLimit}
          error={form.toolLimitError}
          onChange={(event) => form.update({ toolLimit: event.target.value })}
          disabled={!form.ready}
        />
        <SelectField
          label="API"
          hint="Chat Completions works with every OpenAI-compatible server; Responses is OpenAI’s newer API."
          options={APIS}
          value={form.draft.api}
          onChange={(event) => form.update({ api: ModelApiSchema.parse(event.target.value) })}
          disabled={!form.ready}
        />
        <label className="check">
          <input type="checkbox" checked={form.draft.omitOrigin} onChange={(event) => form.update({ omitOrigin: event.target.checked })} disabled={!form.ready} />
          <span>
            Send requests without the Origin header
            <small>For a local server that refuses browser extensions with 403 (Ollama without OLLAMA_ORIGINS). Only for servers you trust.</small>
          </span>
        </label>
        <div className="row">
          <button className="btn btn-primary" type="submit" disabled={!form.ready || busy || !!form.baseUrlError || !!form.toolLimitError}>
            Save
          </button>
          <button className="btn" type="button" onClick={test} disabled={!form.ready || busy || !!form.baseUrlError}>
            Test
          </button>
        </div>
      </div>
      <div aria-live="polite" className="stack">
        {check && <EndpointCheckNotice result={check} model={form.draft.model} baseUrl={form.draft.baseUrl} busy={busy} onPick={(model) => {
          form.update({ model });
          save({ model });
        }} />}
        <FeedbackView feedback={feedback} />
      </div>
      {query.status === 'failed' && (
        <div className="notice" data-tone="error" role="alert">
          {errorText(query.error)}
        </div>
      )}
    </form>
  );
}

function FeedbackView({ feedback }: { feedback: Feedback }) {
  switch (feedback.kind) {
    case 'none':
      return null;
    case 'busy':
      return <div className="notice">{feedback.text}</div>;
    case 'message':
      return (
        <div className="notice" data-tone={feedback.tone} role={feedback.tone === 'error' ? 'alert' : 'status'}>
          {feedback.text}
        </div>
      );
  }
}
