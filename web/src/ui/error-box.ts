/** One way to say that something failed: what did not happen, why (the server's own message), what to do. */
import { ApiError } from '../api/client.js';
import { button, h } from './dom.js';

export function errorBox(what: string, err: unknown, retry?: () => void): HTMLElement {
  const status = err instanceof ApiError ? err.status : -1;
  const message = err instanceof Error ? err.message : String(err);
  const advice =
    status >= 400 && status < 500
      ? 'Сервер не принял запрос — исправьте его и повторите.'
      : status === 0
        ? ''
        : 'Ошибка на стороне сервера — повторите попытку позже.';
  return h(
    'div',
    { class: 'error-box', attrs: { role: 'alert' } },
    h('p', null, h('strong', null, `${what}${status > 0 ? ` (ошибка ${status})` : ''}.`), advice && ` ${advice}`),
    h('p', { class: 'error-message' }, status > 0 ? `Ответ сервера: ${message}` : message),
    // Repeating a rejected request gives the same answer; offer it only when the failure may be temporary.
    retry && !(status >= 400 && status < 500) && button('Повторить', retry, { class: 'btn btn-small' }),
  );
}
