// The window follows the OS light or dark theme: `dark` on <html> switches Element Plus's dark variables and the
// board's palette (styles/app.css), both built CSS files, so nothing is injected under the strict CSP.
const QUERY = '(prefers-color-scheme: dark)';

/** Applies the OS theme now and on every change; returns the function that stops following it. */
export function followOsTheme(root: HTMLElement = document.documentElement): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const media = window.matchMedia(QUERY);
  const apply = () => root.classList.toggle('dark', media.matches);
  apply();
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
