import type { ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import { useMemo, useState } from 'react';
import { expandTemplate, templateVariables } from '@/lib/contract/uri-template';
import { sendCommand } from '@/lib/messaging/command-client';
import { CompletionInput } from './CompletionInput';
import { ResourceButtons, ResourceOutcome } from './ResourceRow';
import { useResourceActions } from './useResourceActions';

/**
 * A resource template: one field per variable (labelled by its name, completed by the server as
 * the user types), the URI they make, and **Read** / **Attach** for it once every variable is set.
 */
export function TemplateRow({ connectorId, template }: { connectorId: string; template: ResourceTemplate }) {
  const name = template.title ?? template.name;
  const variables = useMemo(() => templateVariables(template.uriTemplate), [template.uriTemplate]);
  const [values, setValues] = useState<Record<string, string>>({});
  const uri = expandTemplate(template.uriTemplate, values);
  const complete = variables.every((variable) => (values[variable] ?? '') !== '');
  const actions = useResourceActions(connectorId, uri, `${name} (${variables.map((v) => values[v]).join(', ')})`);

  const suggest = (variable: string) => async (value: string) => {
    const context = Object.fromEntries(Object.entries(values).filter(([key, v]) => key !== variable && v !== ''));
    return (await sendCommand('completion.complete', { connectorId, ref: { type: 'ref/resource', uri: template.uriTemplate }, argument: { name: variable, value }, context })).values;
  };

  return (
    <li className="context-row context-row-stacked" aria-label={name}>
      <div className="context-row-text">
        <span className="context-row-name">{name}</span>
        <span className="muted small context-uri">{template.uriTemplate}</span>
        {template.description && <span className="muted small">{template.description}</span>}
      </div>
      <div className="template-fields">
        {variables.map((variable) => (
          <CompletionInput
            key={variable}
            label={variable}
            required
            value={values[variable] ?? ''}
            onChange={(value) => setValues((current) => ({ ...current, [variable]: value }))}
            complete={suggest(variable)}
          />
        ))}
      </div>
      <div className="context-row-line">
        <span className="muted small context-uri" aria-label="Resource URI">
          {complete ? uri : 'Fill in every variable to make the URI.'}
        </span>
        {complete && <ResourceButtons actions={actions} />}
      </div>
      <ResourceOutcome actions={actions} label={`Contents of ${uri}`} />
    </li>
  );
}
