import type { SamplingMessageView } from '@/lib/contract/sampling-view';
import { JsonBlock } from '../ui/JsonBlock';

/** The server's messages as plain text, role by role: nothing a server wrote is rendered as markup. */
export function SamplingMessages({ messages }: { messages: SamplingMessageView[] }) {
  return (
    <ol className="sampling-messages" aria-label="Messages from the server">
      {messages.map((message, index) => (
        <li key={index} className="sampling-message" data-role={message.role}>
          <span className="sampling-role small muted">{message.role === 'user' ? 'User' : 'Assistant'}</span>
          {message.blocks.map((block, at) => {
            switch (block.kind) {
              case 'text':
              case 'media':
                return (
                  <p key={at} className="sampling-text" data-kind={block.kind}>
                    {block.text}
                  </p>
                );
              case 'tool-use':
                return <JsonBlock key={at} label={`Tool use: ${block.name}`} value={block.input} />;
              case 'tool-result':
                return (
                  <figure key={at} className="json-block">
                    <figcaption>{block.isError ? 'Tool error' : 'Tool result'}</figcaption>
                    <pre>{block.text || '(empty)'}</pre>
                  </figure>
                );
            }
          })}
        </li>
      ))}
    </ol>
  );
}
