/** A code fence one backtick longer than any run of backticks inside, so content cannot end it early. */
export function fence(content: string, language: string): string {
  const longest = (content.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return `${marks}${language}\n${content}\n${marks}`;
}

