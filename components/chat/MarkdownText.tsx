import { lazy, Suspense } from 'react';

/** The Markdown pipeline (micromark, GFM, hast) is most of the message view's code: it loads on its own. */
const loadMarkdown = () => import('./Markdown');
const Markdown = lazy(() => loadMarkdown().then((module) => ({ default: module.Markdown })));

/** Starts fetching the Markdown renderer, so it arrives with the message view rather than after it. */
export function preloadMarkdown(): void {
  void loadMarkdown();
}

/**
 * A model's answer: rendered as Markdown once the renderer has loaded, and until then its text as
 * plain, wrapped text, so a conversation opened before that chunk arrived shows its words at once
 * instead of an empty list. Plain text is as inert as the Markdown (React escapes it).
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <Suspense
      fallback={
        <div className="markdown">
          <p className="markdown-pending">{text}</p>
        </div>
      }
    >
      <Markdown text={text} />
    </Suspense>
  );
}
