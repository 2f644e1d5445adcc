import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from './CodeBlock';
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
};

/**
 * A model's Markdown (GFM). Raw HTML is never rendered, links open in a new tab with their URL
 * visible, and images are shown as their address: nothing here reaches the network.
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
