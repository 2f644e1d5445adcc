import { JsonBlock } from '../ui/JsonBlock';

/** The call's input exactly as the model sent it: parsed JSON, or the raw text when it did not parse. */
export function CallInput({ args, argsText }: { args?: Record<string, unknown>; argsText: string }) {
  if (args) return <JsonBlock label="Input" value={args} />;
  return (
    <figure className="json-block">
      <figcaption>Input (raw, not valid JSON)</figcaption>
      <pre tabIndex={0}>{argsText || '(empty)'}</pre>
    </figure>
  );
}
