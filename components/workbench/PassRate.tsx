/** A pass rate as "100 %", coloured by how good it is; "–" before any attempt. */
export function PassRate({ rate }: { rate: number | null }) {
  if (rate === null) return <span className="muted">–</span>;
  const level = rate >= 80 ? 'good' : rate >= 50 ? 'mixed' : 'bad';
  return (
    <span className="rate" data-level={level}>
      {rate} %
    </span>
  );
}
