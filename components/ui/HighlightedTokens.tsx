import { useMemo } from 'react';
import type { HighlightLanguage } from './highlight-languages';
import { hastToReact } from './hast-to-react';
import { highlightTree } from './highlighter';

/** The lazily loaded half of Highlighted: the grammars and the tree walk. Plain text when highlighting fails. */
export default function HighlightedTokens({ text, language }: { text: string; language: HighlightLanguage }) {
  const tokens = useMemo(() => {
    const tree = highlightTree(text, language);
    return tree ? hastToReact(tree) : null;
  }, [text, language]);
  return <>{tokens ?? text}</>;
}
