import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { asApiError, type ApiError } from '../api';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Label, hint and error message around one control, wired with aria-describedby/aria-invalid. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

export interface SummaryField {
  /** The API's field path (first segment), e.g. "email" or "municipalities". */
  path: string;
  /** The id of the control (or fieldset) to jump to. */
  id: string;
  label: string;
}

/**
 * The server's message for a failed form, with links to each invalid field; it takes focus so
 * keyboard and screen reader users learn at once what went wrong.
 */
export function ErrorSummary({ error, fields = [] }: { error: ApiError | undefined; fields?: SummaryField[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const problems = fields.flatMap((field) => {
    const message = error.fieldMessage(field.path);
    return message ? [{ ...field, message }] : [];
  });
  return (
    <div ref={ref} className="notice notice--error error-summary" role="alert" tabIndex={-1}>
      <p className="error-summary__message">{error.message}</p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((problem) => (
            <li key={problem.path}>
              <a
                href={`#${problem.id}`}
                onClick={(event) => {
                  // Focus the control itself; a hash change would also add a history entry.
                  event.preventDefault();
                  document.getElementById(problem.id)?.focus();
                }}
              >
                {problem.label}: {problem.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Runs a form's submit action, tracking busy state and the ApiError to show. */
export function useSubmit<Args extends unknown[]>(action: (...args: Args) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const busyRef = useRef(false);
  const run = useCallback(
    async (...args: Args) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      setError(undefined);
      try {
        await action(...args);
      } catch (thrown) {
        setError(asApiError(thrown));
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, setError };
}

/**
 * Stays focusable while busy (a disabled button would drop keyboard focus to the page);
 * useSubmit ignores repeated submits instead.
 */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}

/** The option a <select> chose, typed as one of its options (a value outside them keeps the fallback). */
export function chosenOption<T extends string>(options: readonly T[], value: string, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}
