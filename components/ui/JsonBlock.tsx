/**
 * Pretty-printed JSON, as text: nothing in it is ever interpreted as markup. The block scrolls
 * when long or wide, so it is a tab stop: a keyboard user can scroll it too.
 */
export function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <figure className="json-block">
      <figcaption>{label}</figcaption>
      <pre tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>
    </figure>
  );
}
