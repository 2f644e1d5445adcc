/** One `{…}` expression of a URI template: its operator (RFC 6570) and variable names. */
interface Expression {
  operator: string;
  names: string[];
}

const EXPRESSION = /\{([+#./;?&]?)([^}]*)\}/g;

function expressions(template: string): Expression[] {
  return [...template.matchAll(EXPRESSION)].map((match) => ({
    operator: match[1]!,
    names: match[2]!.split(',').map((name) => name.replace(/[*]$|:\d+$/, '').trim()).filter(Boolean),
  }));
}

/** The variables a resource template asks for, in order, each once: one form field per name. */
export function templateVariables(template: string): string[] {
  return [...new Set(expressions(template).flatMap((expression) => expression.names))];
}

const PREFIX: Record<string, string> = { '': '', '+': '', '#': '#', '.': '.', '/': '/', ';': ';', '?': '?', '&': '&' };
const SEPARATOR: Record<string, string> = { '': ',', '+': ',', '#': ',', '.': '.', '/': '/', ';': ';', '?': '&', '&': '&' };

/**
 * Fills a URI template with the user's values (RFC 6570 level 3, as MCP resource templates use):
 * values are percent-encoded, except under `+` and `#`, which keep reserved characters. An empty
 * variable is left out, as the RFC says.
 */
export function expandTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(EXPRESSION, (_, operator: string, list: string) => {
    const names = list.split(',').map((name) => name.replace(/[*]$|:\d+$/, '').trim()).filter(Boolean);
    const reserved = operator === '+' || operator === '#';
    const encode = (value: string) => (reserved ? encodeURI(value) : encodeURIComponent(value));
    const parts = names.flatMap((name) => {
      const value = values[name];
      if (value === undefined || value === '') return [];
      const encoded = encode(value);
      return [operator === ';' || operator === '?' || operator === '&' ? `${name}=${encoded}` : encoded];
    });
    return parts.length === 0 ? '' : PREFIX[operator]! + parts.join(SEPARATOR[operator]!);
  });
}
