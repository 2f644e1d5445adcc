import { useMemo, useState } from 'react';
import { elicitationFormOf } from '@/lib/contract/elicitation-form';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { argumentsFrom } from '@/lib/contract/schema-form';
import { ElicitationFieldInput } from './ElicitationFieldInput';
import { RequestActions, RequestCardFrame, RequestRefusal } from './RequestCardFrame';
import { useAnswerRequest } from './useAnswerRequest';

/**
 * A server's form: its fields from `requestedSchema` with defaults filled in; **Accept** checks
 * every value against the schema first (the background checks again), **Decline** and
 * **Cancel** send nothing of the form. Once ended, it shows what was sent.
 */
export function ElicitationFormCard({ row }: { row: ServerRequestRow }) {
  const form = useMemo(() => elicitationFormOf(row.params.requestedSchema), [row.params.requestedSchema]);
  const fields = form.ok ? form.fields : [];
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.name, f.initial])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, refusal, answer } = useAnswerRequest(row.id);
  const pending = row.status === 'pending';

  function accept() {
    const parsed = argumentsFrom(fields, values);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length === 0) void answer({ action: 'accept', content: parsed.args });
  }

  return (
    <RequestCardFrame row={row} name={`Request from ${row.connectorLabel}`}>
      {pending && form.ok && (
        <form
          className="stack request-form"
          onSubmit={(event) => {
            event.preventDefault();
            accept();
          }}
        >
          {fields.length === 0 && <p className="small muted">The server asks you to confirm; there is nothing to fill in.</p>}
          {fields.map((field) => (
            <ElicitationFieldInput key={field.name} field={field} value={values[field.name] ?? ''} error={errors[field.name]} disabled={busy} onChange={(v) => setValues({ ...values, [field.name]: v })} />
          ))}
          <p className="small muted">Your answer goes to {row.connectorLabel} only, not to the model.</p>
          <RequestRefusal text={refusal} />
          <RequestActions primary="Accept" busy={busy} onPrimary={accept} onDecline={() => void answer({ action: 'decline' })} onCancel={() => void answer({ action: 'cancel' })} />
        </form>
      )}
      {row.outcome === 'accepted' && row.response?.content !== undefined && <SentContent content={row.response.content} />}
    </RequestCardFrame>
  );
}

/** What was sent, as text (the person's own answer, shown back to them). */
function SentContent({ content }: { content: unknown }) {
  if (typeof content !== 'object' || content === null) return null;
  return (
    <dl className="request-sent small">
      {Object.entries(content).map(([name, value]) => (
        <div key={name} className="row">
          <dt className="muted">{name}</dt>
          <dd>{Array.isArray(value) ? value.join(', ') : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
