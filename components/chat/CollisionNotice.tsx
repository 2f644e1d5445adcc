/**
 * Tool names several connectors share, and what the model sees instead. One sentence for one
 * name; several fold into a disclosure so the composer keeps its place.
 */
export function CollisionNotice({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  if (notices.length === 1) {
    return (
      <p className="small muted collision-note" role="note">
        {notices[0]}
      </p>
    );
  }
  return (
    <details className="small muted collision-note" role="note">
      <summary>{notices.length} tool names are shared across connectors; the model sees them under distinct names</summary>
      <ul>
        {notices.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </details>
  );
}
