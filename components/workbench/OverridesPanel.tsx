import { useState, type FormEvent } from 'react';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { overrideFieldLabel, type OverrideField, type ToolOverrideRow } from '@/lib/contract/tool-override';
import { sendCommand } from '@/lib/messaging/command-client';
import { downloadText } from '../ui/download-text';
import { SelectField, TextAreaField } from '../ui/Field';
import { useEvalCommand } from './useEvalCommand';

const DESCRIPTION = '\u0000description';

/** The field picker's value for a field, and back. */
const fieldValue = (field: OverrideField) => (field.kind === 'description' ? DESCRIPTION : field.name);
const fieldOf = (value: string): OverrideField => (value === DESCRIPTION ? { kind: 'description' } : { kind: 'parameter', name: value });

/** The server's current text of a field, to start the what-if from. */
function currentText(tool: Tool | undefined, field: OverrideField): string {
  if (!tool) return '';
  if (field.kind === 'description') return tool.description ?? '';
  const property = (tool.inputSchema.properties as Record<string, { description?: unknown }> | undefined)?.[field.name];
  return typeof property?.description === 'string' ? property.description : '';
}

/**
 * What-if descriptions: write another text for a tool's description or one parameter's, applied
 * to eval runs that ask for it (never sent to the server), listed with Remove, and exported as a
 * patch for the server's author.
 */
export function OverridesPanel({ connectorId, tools, overrides }: { connectorId: string; tools: readonly Tool[]; overrides: readonly ToolOverrideRow[] }) {
  const [toolName, setToolName] = useState(tools[0]?.name ?? '');
  const [field, setField] = useState<OverrideField>({ kind: 'description' });
  const tool = tools.find((item) => item.name === toolName);
  const [text, setText] = useState(currentText(tool, field));
  const command = useEvalCommand();
  const parameters = Object.keys(tool?.inputSchema.properties ?? {});

  function choose(nextTool: string, nextField: OverrideField) {
    setToolName(nextTool);
    setField(nextField);
    const existing = overrides.find((row) => row.toolName === nextTool && JSON.stringify(row.field) === JSON.stringify(nextField));
    setText(existing?.text ?? currentText(tools.find((item) => item.name === nextTool), nextField));
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void command.run(() => sendCommand('overrides.save', { connectorId, toolName, field, text }));
  }

  const exportPatch = (format: 'markdown' | 'json') =>
    void command.run(async () => {
      const file = await sendCommand('overrides.exportPatch', { connectorId, format });
      downloadText(file.fileName, file.text, file.mimeType);
    });

  return (
    <section className="card stack" aria-label="What-if descriptions">
      <h3 className="section-title">What-if descriptions</h3>
      <p className="small muted">Try another description locally: only the model sees it, in eval runs with what-if overrides. The server never receives it.</p>
      {overrides.length > 0 && (
        <ul className="eval-cases" aria-label="Overrides">
          {overrides.map((row) => (
            <li key={row.id} className="eval-case" aria-label={`${row.toolName} ${overrideFieldLabel(row.field)}`}>
              <span className="row">
                <span className="badge what-if">What-if</span>
                <span className="mono">{row.toolName}</span>
                <span className="small muted">{overrideFieldLabel(row.field)}</span>
              </span>
              <span className="eval-case-prompt small">{row.text}</span>
              <span className="row actions">
                <button className="btn btn-small" type="button" onClick={() => choose(row.toolName, row.field)}>
                  Edit
                </button>
                <button className="btn btn-small btn-danger" type="button" onClick={() => void command.run(() => sendCommand('overrides.remove', { id: row.id }))}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {tools.length === 0 ? (
        <p className="muted">This connector lists no tools yet.</p>
      ) : (
        <form className="stack" aria-label="Override a description" onSubmit={save}>
          <SelectField label="Tool" value={toolName} onChange={(event) => choose(event.target.value, { kind: 'description' })} options={tools.map((item) => ({ value: item.name, label: item.name }))} />
          <SelectField label="Field" value={fieldValue(field)} onChange={(event) => choose(toolName, fieldOf(event.target.value))} options={[{ value: DESCRIPTION, label: 'Description' }, ...parameters.map((name) => ({ value: name, label: `Parameter ${name}` }))]} />
          <TextAreaField label="What-if text" value={text} maxLength={4000} onChange={(event) => setText(event.target.value)} />
          <div className="row actions">
            <button className="btn btn-primary" type="submit" disabled={command.busy || text.trim() === ''}>
              Save what-if
            </button>
            {overrides.length > 0 && (
              <>
                <button className="btn" type="button" onClick={() => exportPatch('markdown')}>
                  Export patch (Markdown)
                </button>
                <button className="btn" type="button" onClick={() => exportPatch('json')}>
                  Export patch (JSON)
                </button>
              </>
            )}
          </div>
        </form>
      )}
      {command.error && <div className="notice" role="alert">{command.error}</div>}
    </section>
  );
}
