import { useRef } from 'react';
import { MAX_SUITE_FILE_BYTES, type EvalSuiteRow } from '@/lib/contract/eval-suite';
import { sendCommand } from '@/lib/messaging/command-client';
import { downloadText } from '../ui/download-text';
import { useEvalCommand } from './useEvalCommand';

interface SuiteToolbarProps {
  connectorId: string;
  suites: readonly EvalSuiteRow[];
  selected: EvalSuiteRow | null;
  onSelect(suiteId: string): void;
  onNotice(text: string): void;
}

/** Which suite, and what to do with suites: New, Starter cases, Import, Export, Delete. */
export function SuiteToolbar({ connectorId, suites, selected, onSelect, onNotice }: SuiteToolbarProps) {
  const command = useEvalCommand();
  const file = useRef<HTMLInputElement>(null);

  const create = (starter: boolean) => void command.run(async () => onSelect((await sendCommand('evals.createSuite', { connectorId, starter })).suiteId));
  const importText = (name: string, text: string) =>
    void command.run(async () => {
      const answer = await sendCommand('evals.importSuite', { connectorId, text });
      if (!answer.ok) throw new Error(`Could not import ${name}: ${answer.error}`);
      onSelect(answer.suiteId);
      const unknown = answer.unknownConnectors.length > 0 ? ` Not here, so left out: ${answer.unknownConnectors.join(', ')}.` : '';
      onNotice(`Imported ${answer.cases} case${answer.cases === 1 ? '' : 's'} from ${name}.${unknown}`);
    });

  return (
    <div className="stack">
      {suites.length > 1 && selected && (
        <div className="field">
          <label htmlFor="eval-suite">Suite</label>
          <select id="eval-suite" className="input" value={selected.id} onChange={(event) => onSelect(event.target.value)}>
            {suites.map((suite) => (
              <option key={suite.id} value={suite.id}>
                {suite.name} ({suite.cases.length})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="row actions">
        <button className="btn" type="button" disabled={command.busy} onClick={() => create(false)}>
          New suite
        </button>
        <button className="btn" type="button" disabled={command.busy} onClick={() => create(true)}>
          Starter cases
        </button>
        <button className="btn" type="button" disabled={command.busy} onClick={() => file.current?.click()}>
          Import suite
        </button>
        {selected && (
          <>
            <button className="btn" type="button" onClick={() => void command.run(async () => { const out = await sendCommand('evals.exportSuite', { suiteId: selected.id }); downloadText(out.fileName, out.text, out.mimeType); })}>
              Export suite
            </button>
            <button className="btn btn-danger" type="button" disabled={command.busy} onClick={() => void command.run(() => sendCommand('evals.deleteSuite', { suiteId: selected.id }))}>
              Delete suite
            </button>
          </>
        )}
      </div>
      <input
        ref={file}
        className="sr-only"
        type="file"
        accept="application/json,.json"
        aria-label="Suite file"
        tabIndex={-1}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          event.target.value = '';
          if (chosen && chosen.size > MAX_SUITE_FILE_BYTES) void command.run(() => Promise.reject(new Error(`Could not import ${chosen.name}: it is larger than 1 MB.`)));
          else if (chosen) void chosen.text().then((text) => importText(chosen.name, text));
        }}
      />
      {command.error && <div className="notice" role="alert">{command.error}</div>}
    </div>
  );
}
