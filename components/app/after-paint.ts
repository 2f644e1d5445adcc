/**
 * Runs `job` once the frame now being prepared has been painted (a task after the next animation
 * frame), for work that must not hold back what the user is about to see. Returns a cancel.
 */
export function afterNextPaint(job: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(job, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
