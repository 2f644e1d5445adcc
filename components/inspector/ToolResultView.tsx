import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { formatBytes } from '@/lib/contract/format-bytes';
import { outputMismatchOf } from '@/lib/contract/output-check';
import { JsonView } from '../ui/json/JsonView';
import { DownloadFullResult, type FullResultSource } from './DownloadFullResult';
import { EmbeddedResourceView, ResourceLinkView } from '../context/ResourceBlockView';

interface ToolResultViewProps {
  result: CallToolResult;
  totalBytes: number;
  truncated: boolean;
  /** Where every byte of a cut result comes from; without it a cut result only says so. */
  full?: FullResultSource;
  /** The connector that returned it: resource links and embedded resources can be read or attached from there. */
  connectorId?: string;
}

/**
 * A tool's result as data: text as text (never markup), images only from the bytes the tool
 * returned, everything else as JSON. Nothing here loads from the network. A result too large to
 * show is shown cut, with its full size and a download of the whole.
 */
export function ToolResultView({ result, totalBytes, truncated, full, connectorId }: ToolResultViewProps) {
  const mismatch = outputMismatchOf(result);
  return (
    <div className="stack">
      {mismatch && (
        <div className="notice notice-inline" data-tone="error" role="note" aria-label="Output schema mismatch">
          The structured output does not match the tool’s output schema; the model was told it failed.
        </div>
      )}
      <div className="row">
        <p className="muted small">
          {result.isError ? 'The tool reported an error. ' : ''}
          {formatBytes(totalBytes)}
          {truncated ? ' in all; the copy below is shortened.' : ''}
        </p>
        {truncated && full && <DownloadFullResult source={full} totalBytes={totalBytes} />}
      </div>
      {result.content.map((block, index) => {
        switch (block.type) {
          case 'text':
            return <pre key={index} className="result-text" data-error={result.isError === true}>{block.text}</pre>;
          case 'image':
            return <img key={index} className="result-image" alt={`Image ${index + 1} returned by the tool`} src={`data:${block.mimeType};base64,${block.data}`} />;
          case 'resource_link':
            return connectorId ? <ResourceLinkView key={index} connectorId={connectorId} link={block} /> : <JsonView key={index} label={block.type} value={block} />;
          case 'resource':
            return connectorId ? <EmbeddedResourceView key={index} connectorId={connectorId} block={block} /> : <JsonView key={index} label={block.type} value={block} />;
          default:
            return <JsonView key={index} label={block.type} value={block} />;
        }
      })}
      {result.structuredContent && <JsonView label="Structured content" value={result.structuredContent} />}
      <details>
        <summary>Raw JSON</summary>
        <JsonView label="Result" value={result} />
      </details>
    </div>
  );
}
