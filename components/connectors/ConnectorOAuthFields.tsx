import type { ConnectorDraft } from '@/lib/mcp/connector-draft';
import { Field, SelectField } from '../ui/Field';
import type { useConnectorDraft } from './useConnectorDraft';

const GRANTS = [
  { value: 'authorization_code', label: 'Sign in as a user' },
  { value: 'client_credentials', label: 'Client credentials (machine)' },
] as const;

/** OAuth's optional settings: a pre-registered client, a machine's grant and issuer, scopes. */
export function ConnectorOAuthFields({ form, secretHint }: { form: ReturnType<typeof useConnectorDraft>; secretHint: string }) {
  const { draft, errors } = form;
  const machine = draft.oauthGrant === 'client_credentials';
  return (
    <fieldset className="stack plain">
      <p className="muted small">
        Patchbay discovers the server’s authorization server and registers itself. Fill these only if the server
        needs a pre-registered client or particular scopes.
      </p>
      <SelectField
        label="Grant"
        options={GRANTS}
        value={draft.oauthGrant ?? 'authorization_code'}
        onChange={(e) => form.update({ oauthGrant: e.target.value as NonNullable<ConnectorDraft['oauthGrant']> })}
      />
      <Field
        label="Client ID"
        spellCheck={false}
        value={draft.oauthClientId ?? ''}
        error={errors.oauthClientId}
        hint={machine ? 'Required for a machine connector.' : 'Optional.'}
        onChange={(e) => form.update({ oauthClientId: e.target.value })}
      />
      <Field
        label="Client secret"
        type="password"
        autoComplete="off"
        value={draft.oauthClientSecret ?? ''}
        error={errors.oauthClientSecret}
        hint={form.secretsStored ? secretHint : machine ? 'Required for a machine connector. Stored in this browser only.' : 'Optional. Stored in this browser only.'}
        onChange={(e) => form.update({ oauthClientSecret: e.target.value })}
      />
      {machine && (
        <Field
          label="Issuer"
          type="url"
          spellCheck={false}
          placeholder="https://auth.example.com"
          value={draft.oauthIssuer ?? ''}
          error={errors.oauthIssuer}
          hint="The authorization server the client secret may be sent to, and no other."
          onChange={(e) => form.update({ oauthIssuer: e.target.value })}
        />
      )}
      <Field label="Scopes" spellCheck={false} placeholder="read write" value={draft.oauthScopes ?? ''} hint="Optional, space-separated." onChange={(e) => form.update({ oauthScopes: e.target.value })} />
    </fieldset>
  );
}
