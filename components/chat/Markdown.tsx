import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from './CodeBlock';
import { inlineImageSource, keepUrlAsText, linkTarget } from './markdown-policy';

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
  img({ src, alt }) {
    const source = inlineImageSource(typeof src === 'string' ? src : null);
    if (source) return <img className="md-image" src={source} alt={alt ?? ''} />;
    return (
      <span className="md-image-blocked" title="Remote images are not loaded">
        [image{alt ? `: ${alt}` : ''} — not loaded: {String(src ?? '')}]
      </span>
    );
  },
  pre: CodeBlock,
};

/**
 * A model's Markdown (GFM). Raw HTML is never rendered, links open in a new tab with their URL
 * visible, and images load only from inline data: nothing here reaches the network.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={keepUrlAsText} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
