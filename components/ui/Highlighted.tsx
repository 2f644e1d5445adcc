import { lazy, Suspense } from 'react';
import { HIGHLIGHT_MAX_CHARS, highlightLanguageOf } from './highlight-languages';

// Its own chunk: the grammars load the first time a text is highlighted, not with the panel.
const HighlightedTokens = lazy(() => import('./HighlightedTokens'));

/**
 * A text with syntax colours, to be put inside the caller's `pre`/`code`. Until the highlighter
 * has loaded, and for an unknown language or a very long text, it is the same text plain, so the
 * box does not move when the colours arrive.
 */
export function Highlighted({ text, language }: { text: string; language: string | null | undefined }) {
  const known = highlightLanguageOf(language);
  if (!known || text.length > HIGHLIGHT_MAX_CHARS) return <>{text}</>;
  return (
    <Suspense fallback={text}>
      <HighlightedTokens text={text} language={known} />
    </Suspense>
  );
}
