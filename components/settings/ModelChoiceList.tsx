/**
 * The models a Test found, each a button: a click makes it the **Model** and saves. The current
 * one is marked pressed, so the list also says which model is in use.
 */
export function ModelChoiceList({ models, current, onPick, disabled }: { models: readonly string[]; current: string; onPick(model: string): void; disabled: boolean }) {
  return (
    <>
      <span className="small muted">Click a model to use it.</span>
      <ul className="model-list model-choices" aria-label="Available models">
        {models.slice(0, 200).map((id) => (
          <li key={id}>
            <button type="button" className="btn btn-small mono" aria-pressed={id === current} disabled={disabled} onClick={() => onPick(id)}>
              {id}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
