import { useId, useState } from 'react';
import { ensureHostPermission } from '@/components/browser/host-permissions';
import type { ConnectorRow } from '@/lib/db/rows';
import { DEFAULT_TOTAL_TIMEOUT_SECONDS, MAX_TOTAL_TIMEOUT_SECONDS, type ConnectorDraft } from '@/lib/contract/connector-draft';
import { sendCommand } from '@/lib/messaging/command-client';
import { Field, SelectField, TextAreaField } from '../ui/Field';
import { errorText } from '../ui/error-text';
import { ConnectorOAuthFields } from './ConnectorOAuthFields';
import { useConnectorDraft } from './useConnectorDraft';
import { useStoredFieldClearing } from './useStoredFieldClearing';

const TRANSPORTS = [
  { value: 'auto', label: 'Auto' },
  { value: 'streamable-http', label: 'Streamable HTTP' },
  { value: 'sse', label: 'SSE (deprecated)' },
] as const;
const AUTH_KINDS = [
  { value: 'none', label: 'None' },
  { value: 'bearer', label: 'Bearer token' },
  { value: 'headers', label: 'Custom headers' },
  { value: 'oauth', label: 'OAuth' },
] as const;

interface ConnectorFormProps {
  row?: ConnectorRow;
  preset?: Partial<ConnectorDraft>;
  otherLabels: readonly string[];
  onDone(id: string): void;
  onCancel(): void;
}

/** Add or edit a connector. Checks as you type; asks for the origin's permission inside the click. */
export function ConnectorForm({ row, preset, otherLabels, onDone, onCancel }: ConnectorFormProps) {
  const form = useConnectorDraft(otherLabels, row, preset);
  const clearing = useStoredFieldClearing();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const askId = useId();
  const { draft, errors } = form;
  // A refused limit opens Advanced, so the reason Save did nothing is on screen; it stays open.
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const advancedError = Boolean(errors.timeoutSeconds || errors.totalTimeoutSeconds);

  function submit() {
    form.markSubmitted();
    if (!form.valid) return;
    // Asked before any await: browsers show the prompt only inside the user's click.
    const permission = ensureHostPermission(draft.url).catch(() => false);
    setSaving(true);
    setFailure(null);
    void (async () => {
      try {
        await permission;
        const saved = await sendCommand('connectors.save', clearing.draftToSend(draft));
        if (saved.ok) onDone(saved.id);
        else form.setServerErrors(saved.errors);
      } catch (error) {
        setFailure(errorText(error));
      } finally {
        setSaving(false);
      }
    })();
  }

  const secretHint = form.movedNotice ?? (form.secretsStored ? 'Saved. Leave empty to keep it, or type a new one.' : 'Stored in this browser only; sent only to this server.');
  return (
    <form
      className="card stack"
      aria-label={row ? `Edit ${row.label}` : 'Add connector'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 className="section-title">{row ? `Edit ${row.label}` : 'Add connector'}</h2>
      <Field label="Name" value={draft.label} error={errors.label} onChange={(e) => form.update({ label: e.target.value })} autoFocus />
      <Field
        label="URL"
        type="url"
        spellCheck={false}
        placeholder="http://localhost:3001/mcp"
        value={draft.url}
        error={errors.url}
        hint={form.warnings[0]}
        onChange={(e) => form.update({ url: e.target.value })}
      />
      <SelectField label="Transport" options={TRANSPORTS} value={draft.transport} onChange={(e) => form.update({ transport: e.target.value as ConnectorDraft['transport'] })} />
      <SelectField label="Authentication" options={AUTH_KINDS} value={draft.auth} onChange={(e) => form.update({ auth: e.target.value as ConnectorDraft['auth'] })} />
      {draft.auth === 'bearer' && (
        <>
          {/* No "clear" here: a bearer connector needs a token; type a new one, or choose Authentication None. */}
          <Field label="Token" type="password" autoComplete="off" value={draft.token ?? ''} error={errors.token} hint={secretHint} onChange={(e) => form.update({ token: e.target.value })} />
        </>
      )}
      {draft.auth === 'headers' && (
        <TextAreaField
          label="Headers"
          spellCheck={false}
          placeholder={'X-Api-Key: …\nX-Tenant: acme'}
          value={draft.headers ?? ''}
          error={errors.headers}
          hint={form.movedNotice ?? (form.secretsStored ? secretHint : 'One “Name: value” a line. Stored in this browser only.')}
          onChange={(e) => form.update({ headers: e.target.value })}
        />
      )}
      {draft.auth === 'oauth' && <ConnectorOAuthFields form={form} secretHint={secretHint} clearing={clearing} />}
      <div className="check">
        <input id={askId} type="checkbox" aria-describedby={`${askId}-hint`} checked={draft.askAlways ?? false} onChange={(e) => form.update({ askAlways: e.target.checked })} />
        <span>
          <label htmlFor={askId}>Ask before every tool</label>
          <small id={`${askId}-hint`}>Ignore the server’s read-only claims and ask before every call. For servers you do not fully trust.</small>
        </span>
      </div>
      <details open={advancedOpen || advancedError} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
        <summary>Advanced</summary>
        <div className="stack" style={{ marginTop: 10 }}>
          <Field
            label="Timeout (seconds)"
            type="number"
            min={1}
            max={3600}
            value={draft.timeoutSeconds}
            hint="Per tool call; progress from the server restarts it."
            onChange={(e) => form.update({ timeoutSeconds: Number(e.target.value) || 1 })}
          />
          <Field
            label="Total time limit per call (seconds)"
            type="number"
            min={1}
            max={MAX_TOTAL_TIMEOUT_SECONDS}
            value={draft.totalTimeoutSeconds ?? DEFAULT_TOTAL_TIMEOUT_SECONDS}
            error={errors.totalTimeoutSeconds}
            hint="A call ends after this long even while the server keeps reporting progress. Default 600 (10 minutes)."
            onChange={(e) => form.update({ totalTimeoutSeconds: Number(e.target.value) })}
          />
          <label className="check">
            <input type="checkbox" checked={draft.omitOrigin} onChange={(e) => form.update({ omitOrigin: e.target.checked })} />
            <span>
              Send requests without the Origin header
              <small>For servers that refuse browser extensions (403). Only for servers you trust.</small>
            </span>
          </label>
        </div>
      </details>
      {failure && (
        <div className="notice" data-tone="error" role="alert">
          {failure}
        </div>
      )}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={saving}>
          Save
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
