import type { ConnectorDraft } from '@/lib/contract/connector-draft';
import { KEY_ALGORITHMS, DEFAULT_KEY_ALGORITHM, type KeyAlgorithm } from '@/lib/contract/key-algorithms';
import { checkOAuthExtras, type ConnectorOAuthExtras } from '@/lib/contract/connector-oauth-draft';
import { Field, SelectField, TextAreaField } from '../ui/Field';
import { ClearSavedButton } from './ClearSavedButton';
import { RedirectUris } from './RedirectUris';
import type { useConnectorDraft } from './useConnectorDraft';
import type { FormDraft, StoredFieldClearing } from './useStoredFieldClearing';

const GRANTS = [
  { value: 'authorization_code', label: 'Sign in as a user' },
  { value: 'client_credentials', label: 'Client credentials (machine)' },
] as const;
const ALGORITHMS = KEY_ALGORITHMS.map((value) => ({ value, label: value }));

interface OAuthFieldsProps {
  form: ReturnType<typeof useConnectorDraft>;
  secretHint: string;
  clearing: StoredFieldClearing;
}

/** OAuth's optional settings: a pre-registered client or CIMD URL, a machine's grant, issuer and key, scopes. */
export function ConnectorOAuthFields({ form, secretHint, clearing }: OAuthFieldsProps) {
  const draft = form.draft as FormDraft;
  // Checked as you type; the background checks the same before saving.
  const errors: Partial<Record<string, string>> = { ...checkOAuthExtras({ ...draft, auth: 'oauth' }), ...form.errors };
  const update = (patch: Partial<ConnectorDraft & ConnectorOAuthExtras>) => form.update(patch as Partial<ConnectorDraft>);
  const machine = draft.oauthGrant === 'client_credentials';
  const stored = form.secretsStored;
  const hintFor = (field: Parameters<StoredFieldClearing['isCleared']>[0], otherwise: string) =>
    clearing.isCleared(field) ? 'The saved value is removed when you save.' : stored ? secretHint : otherwise;
  return (
    <fieldset className="stack plain">
      <p className="muted small">
        Patchbay discovers the server’s authorization server and registers itself. Fill these only if the server
        needs a pre-registered client or particular scopes.
      </p>
      {!machine && <RedirectUris />}
      <SelectField label="Grant" options={GRANTS} value={draft.oauthGrant ?? 'authorization_code'} onChange={(e) => update({ oauthGrant: e.target.value as NonNullable<ConnectorDraft['oauthGrant']> })} />
      <Field
        label="Client ID"
        spellCheck={false}
        value={draft.oauthClientId ?? ''}
        error={errors.oauthClientId}
        hint={hintFor('oauthClientId', machine ? 'Required for a machine connector.' : 'Optional.')}
        onChange={(e) => update({ oauthClientId: e.target.value })}
      />
      {stored && <ClearSavedButton field="oauthClientId" what="client ID" clearing={clearing} />}
      <Field
        label="Client secret"
        type="password"
        autoComplete="off"
        value={draft.oauthClientSecret ?? ''}
        error={errors.oauthClientSecret}
        hint={hintFor('oauthClientSecret', machine ? 'Required for a machine connector, unless it has a private key. Stored in this browser only.' : 'Optional. Stored in this browser only.')}
        onChange={(e) => update({ oauthClientSecret: e.target.value })}
      />
      {stored && <ClearSavedButton field="oauthClientSecret" what="client secret" clearing={clearing} />}
      {!machine && (
        <Field
          label="Client metadata URL"
          type="url"
          spellCheck={false}
          placeholder="https://example.com/patchbay-client.json"
          value={draft.oauthClientMetadataUrl ?? ''}
          error={errors.oauthClientMetadataUrl}
          hint={hintFor('oauthClientMetadataUrl', 'Optional, https only: your Client ID Metadata Document, used where the server supports it instead of registering.')}
          onChange={(e) => update({ oauthClientMetadataUrl: e.target.value })}
        />
      )}
      {!machine && stored && <ClearSavedButton field="oauthClientMetadataUrl" what="client metadata URL" clearing={clearing} />}
      {machine && (
        <>
          <Field
            label="Issuer"
            type="url"
            spellCheck={false}
            placeholder="https://auth.example.com"
            value={draft.oauthIssuer ?? ''}
            error={errors.oauthIssuer}
            hint="The authorization server the client secret may be sent to, and no other."
            onChange={(e) => update({ oauthIssuer: e.target.value })}
          />
          <TextAreaField
            label="Private key (PEM)"
            spellCheck={false}
            autoComplete="off"
            placeholder="-----BEGIN PRIVATE KEY-----"
            value={draft.oauthPrivateKey ?? ''}
            error={errors.oauthPrivateKey}
            hint={hintFor('oauthPrivateKey', 'Optional: when given, Patchbay signs a JWT with it (private_key_jwt) instead of sending the secret. Stored in this browser only.')}
            onChange={(e) => update({ oauthPrivateKey: e.target.value })}
          />
          {stored && <ClearSavedButton field="oauthPrivateKey" what="private key" clearing={clearing} />}
          <SelectField
            label="Key algorithm"
            options={ALGORITHMS}
            value={draft.oauthKeyAlgorithm ?? DEFAULT_KEY_ALGORITHM}
            onChange={(e) => update({ oauthKeyAlgorithm: e.target.value as KeyAlgorithm })}
          />
        </>
      )}
      <Field label="Scopes" spellCheck={false} placeholder="read write" value={draft.oauthScopes ?? ''} hint="Optional, space-separated." onChange={(e) => update({ oauthScopes: e.target.value })} />
    </fieldset>
  );
}
