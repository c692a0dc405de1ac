import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, guestToken } from '../../api';
import { regionPath } from '../../modules';
import './brokering.css';

/** Paths of the brokering pages of a region. */
export const brokeringPaths = {
  home: (slug: string) => regionPath(slug, 'makelaardij'),
  sheet: (slug: string, sheetId: string) => `${regionPath(slug, 'makelaardij')}/werkblad/${encodeURIComponent(sheetId)}`,
  ideas: (slug: string) => `${regionPath(slug, 'makelaardij')}/samenwerkingsvoorstellen`,
};

export type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; message: string };

/** The polite live status of a page that saves as you go ("Opgeslagen"). */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'saving' ? t('brokering.save.saving') : state.kind === 'saved' ? t('brokering.save.saved') : state.kind === 'failed' ? t('brokering.save.failed', { message: state.message }) : '';
  return (
    <p role="status" className={`save-status save-status--${state.kind}`}>
      {text}
    </p>
  );
}

/** Runs saves one after the other and reports their state; failures carry the server's message. */
export function useSaver() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const run = useCallback(<T,>(save: () => Promise<T>): Promise<T | undefined> => {
    setState({ kind: 'saving' });
    const next = queue.current.then(async () => {
      try {
        const result = await save();
        setState({ kind: 'saved' });
        return result;
      } catch (error) {
        const apiError = asApiError(error);
        setState({ kind: 'failed', message: apiError.fields[0]?.message ?? apiError.message });
        throw apiError;
      }
    });
    queue.current = next.catch(() => undefined);
    return next.catch(() => undefined);
  }, []);
  return { state, run, setState };
}

/**
 * Calls `save` once the value has not changed for a moment (autosave while typing). Leaving the step
 * (unmount) before that moment saves at once: an edit followed by "Volgende stap" is never dropped.
 */
export function useDebounced(value: unknown, save: () => void, delayMs = 700) {
  const first = useRef(true);
  const pending = useRef(false);
  const latest = useRef(save);
  latest.current = save;
  const key = JSON.stringify(value);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    pending.current = true;
    const timer = window.setTimeout(() => {
      pending.current = false;
      latest.current();
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [key, delayMs]);
  useEffect(
    () => () => {
      if (!pending.current) return;
      pending.current = false;
      latest.current();
    },
    [],
  );
}

/** Splits a textarea into its non-empty lines (one statement per line). */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Downloads a file of the API (with the guest token when this browser is a workshop guest). */
export async function download(href: string, filename: string): Promise<void> {
  const token = guestToken();
  const response = await fetch(href, { headers: token ? { 'x-guest-token': token } : {}, credentials: 'same-origin' });
  if (!response.ok) throw new Error(String(response.status));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
