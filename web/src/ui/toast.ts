/** One polite live region for short confirmations ("Скопировано") that screen readers also announce. */
import { byId } from './dom.js';

let timer: ReturnType<typeof setTimeout> | undefined;

export function toast(message: string, kind: 'ok' | 'error' = 'ok'): void {
  const el = byId('toast');
  el.textContent = message;
  el.dataset.kind = kind;
  el.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => {
    el.hidden = true;
  }, 3500);
}
