import { useEffect, useRef, useState } from 'react';
import { ApiCallError } from '../api/client';

export type SaveState = { kind: 'saved'; at: Date | null } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; message: string };


/** Unsaved editor content kept in the browser's storage, so a closed window or a refused save loses nothing. */
export function readLocalCopy<T>(key: string, savedAt: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const copy = JSON.parse(raw) as { at: number; content: T };
    return copy.at > Date.parse(savedAt) ? copy.content : null;
  } catch {
    return null;
  }
}

export function clearLocalCopy(key: string): void {
  localStorage.removeItem(key);
}

/**
 * Every change is copied locally at once and, when `save` is given (drafts), saved to the database after a
 * short pause. Field errors from a refused save are returned for the editor to show.
 */
export function useAutosave<T>(key: string, content: T | null, save: ((c: T) => Promise<unknown>) | null) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const first = useRef(true);
  useEffect(() => {
    if (!content) return;
    if (first.current) {
      first.current = false;
      return;
    }
    localStorage.setItem(key, JSON.stringify({ at: Date.now(), content }));
    if (!save) return;
    setState({ kind: 'pending' });
    const timer = setTimeout(async () => {
      setState({ kind: 'saving' });
      try {
        await save(content);
        clearLocalCopy(key);
        setFieldErrors({});
        setState({ kind: 'saved', at: new Date() });
      } catch (error) {
        const fields = error instanceof ApiCallError ? (error.error.fields ?? {}) : {};
        setFieldErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^content\./, ''), v])));
        setState({ kind: 'failed', message: (error as Error).message });
      }
    }, 800);
    return () => clearTimeout(timer);
  }, [key, content, save]);
  return { state, fieldErrors, setFieldErrors };
}
