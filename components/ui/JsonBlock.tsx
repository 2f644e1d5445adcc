/** Pretty-printed JSON, as text: nothing in it is ever interpreted as markup. */
export function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <figure className="json-block">
      <figcaption>{label}</figcaption>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </figure>
  );
}
