import type { ReactNode } from 'react';

/**
 * A control with its label above it (tied by `id`), an optional hint, and the API's message for this field under
 * it, in Russian; the control itself shows the invalid state when given `validationState`.
 */
export function Field({ label, id, error, hint, children, wide }: { label: string; id: string; error?: string; hint?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
