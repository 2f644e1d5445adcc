import type { ElementContent, Root } from 'hast';
import type { ReactNode } from 'react';

/** Class names a grammar gives tokens: `hljs-keyword`, and the sub-scope suffixes such as `function_`. */
const TOKEN_CLASS = /^(hljs-[a-z][\w-]*|[a-z]+_+)$/;

/**
 * A highlighter's token tree as React elements. Only spans with the grammar's class names are
 * made, every text is a text node: no tag, attribute or markup in the text can become one.
 */
export function hastToReact(root: Root): ReactNode[] {
  return root.children.map((child, index) => (child.type === 'doctype' ? null : nodeToReact(child as ElementContent, index)));
}

function nodeToReact(node: ElementContent, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'comment':
      return null;
    case 'element': {
      const children = node.children.map(nodeToReact);
      const classes = tokenClasses(node.properties?.className);
      if (node.tagName !== 'span' || classes === '') return <span key={key}>{children}</span>;
      return (
        <span key={key} className={classes}>
          {children}
        </span>
      );
    }
  }
}

function tokenClasses(className: unknown): string {
  const names = Array.isArray(className) ? className : typeof className === 'string' ? className.split(/\s+/) : [];
  return names.filter((name): name is string => typeof name === 'string' && TOKEN_CLASS.test(name)).join(' ');
}
