import { memo, useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Highlighted } from '@/components/ui/Highlighted';
import { CodeBlock } from './CodeBlock';
import { splitMarkdownBlocks } from './markdown-blocks';
import { keepUrlAsText, linkTarget, shownImageUrl } from './markdown-policy';

const components: Components = {
  a({ href, children }) {
    const target = linkTarget(href);
    if (!target) return <span className="md-nolink">{children}</span>;
    const label = typeof children === 'string' ? children : null;
    return (
      <>
        <a href={target} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
        {label !== target && label !== href && <span className="md-url"> ({target})</span>}
      </>
    );
  },
  // The model's text is never a source of images, inline data included: the images a user sees
  // are the bytes a tool returned, in that call's card. Here an image is named, not shown.
  img({ src, alt }) {
    return (
      <span className="md-image-blocked" title="Images in answers are not loaded">
        [image{alt ? `: ${alt}` : ''} — not loaded: {shownImageUrl(src)}]
      </span>
    );
  },
  pre: CodeBlock,
  // A fence that names its language (```ts) is coloured; inline code and bare fences stay plain.
  code({ className, children }) {
    const language = /(?:^|\s)language-([\w+#-]+)/.exec(className ?? '')?.[1];
    if (!language || typeof children !== 'string') return <code className={className}>{children}</code>;
    return (
      <code className={`${className} hljs`}>
        <Highlighted text={children} language={language} />
      </code>
    );
  },
};

/** One top-level block, parsed only when its own text changes. */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={keepUrlAsText} components={components}>
      {text}
    </ReactMarkdown>
  );
});

/**
 * A model's Markdown (GFM). Raw HTML is never rendered, links open in a new tab with their URL
 * visible, and images are shown as their address: nothing here reaches the network. Parsed block
 * by block, so while an answer streams only its last block is parsed again at each update.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const blocks = useMemo(() => splitMarkdownBlocks(text), [text]);
  return (
    <div className="markdown">
      {blocks.map((block, index) => (
        // Blocks only ever grow at the end, so an index is a stable key for a finished block.
        <MarkdownBlock key={index} text={block} />
      ))}
    </div>
  );
});
