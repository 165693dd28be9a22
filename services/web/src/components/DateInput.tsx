/**
 * A date field (`YYYY-MM-DD`): the browser's own date control, which the kit has no equivalent of in its core;
 * labelled by the surrounding Field through `id`.
 */
export function DateInput({ id, value, onChange, invalid, label }: { id: string; value: string; onChange: (value: string) => void; invalid?: boolean; label?: string }) {
  return <input id={id} className="native-input" type="date" value={value} aria-invalid={invalid || undefined} aria-label={label} onChange={(e) => onChange(e.target.value)} />;
}
