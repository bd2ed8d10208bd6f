import { useEffect } from 'react';

/** Printable pages are black on white, on screen and on paper; the app's other views are dark. */
export function usePaperPage(): void {
  useEffect(() => {
    document.documentElement.classList.add('paper');
    return () => document.documentElement.classList.remove('paper');
  }, []);
}
