/**
 * Reading dialog: a passage with its neighbouring passages (GET /api/passages/:id) and, on request, what other
 * regions say on the same point (GET /api/passages/:id/similar?otherRegions=true).
 */
import { getPassage, getSimilar } from '../api/client.js';
import type { PassageContext, SearchResult } from '../api/types.js';
import { button, byId, h, replaceChildren, setPhase } from '../ui/dom.js';
import { errorBox } from '../ui/error-box.js';
import { passageCard, type PassageActions } from '../ui/passage-card.js';

const SIMILAR_K = 6;

export interface PassageDialogDeps {
  actions: PassageActions;
  /** Highlights from the result list the passage was opened from, so matches stay marked in context. */
  knownResult(id: string): SearchResult | undefined;
  /** The dialog was closed by the user (Esc, close button, backdrop). */
  onClosed(): void;
}

export class PassageDialog {
  private readonly dialog = byId<HTMLDialogElement>('passage-dialog');
  private readonly title = byId('dialog-title');
  private readonly body = byId('dialog-body');
  private controller: AbortController | null = null;
  private currentId: string | null = null;
  private closingProgrammatically = false;

  constructor(private readonly deps: PassageDialogDeps) {
    byId('dialog-close').addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => {
      this.controller?.abort();
      this.currentId = null;
      if (!this.closingProgrammatically) this.deps.onClosed();
      this.closingProgrammatically = false;
    });
    // A click on the backdrop (outside the dialog box) closes it.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
  }

  get openId(): string | null {
    return this.currentId;
  }

  close(): void {
    if (!this.dialog.open) return;
    this.closingProgrammatically = true;
    this.dialog.close();
  }

  async show(id: string, withSimilar = false): Promise<void> {
    if (this.currentId === id && this.dialog.open) {
      if (withSimilar) await this.loadSimilar(id);
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.currentId = id;
    this.title.textContent = 'Фрагмент';
    replaceChildren(this.body, h('p', { class: 'loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Загружаем фрагмент и соседний текст…'));
    this.body.scrollTop = 0;
    setPhase(this.dialog, 'loading');
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const context = await getPassage(id, controller.signal);
      if (controller.signal.aborted) return;
      this.render(context);
      setPhase(this.dialog, 'done');
      if (withSimilar) await this.loadSimilar(id);
    } catch (err) {
      if (controller.signal.aborted) return;
      setPhase(this.dialog, 'error');
      replaceChildren(this.body, errorBox('Фрагмент не открылся', err, () => void this.show(id, withSimilar)));
    }
  }

  private render(context: PassageContext): void {
    const known = this.deps.knownResult(context.passage.id);
    const passage = known && known.text === context.passage.text ? { ...context.passage, highlights: known.highlights } : context.passage;
    this.title.textContent = passage.region;
    const neighbour = (p: SearchResult): HTMLElement => passageCard(p, this.deps.actions, { neighbour: true });
    const { previous, next } = context.context;
    const current = passageCard(passage, this.deps.actions, { inContext: true, label: 'Открытый фрагмент' });
    current.classList.add('is-current');
    replaceChildren(
      this.body,
      h('p', { class: 'doc-title' }, passage.document.title),
      passage.citation && h('p', { class: 'citation-line' }, h('span', { class: 'muted' }, 'Ссылка: '), passage.citation),
      h(
        'div',
        { class: 'context' },
        previous.length > 0 && h('p', { class: 'context-label' }, 'Выше по тексту'),
        previous.map(neighbour),
        current,
        next.length > 0 && h('p', { class: 'context-label' }, 'Дальше по тексту'),
        next.map(neighbour),
      ),
      h('section', { class: 'similar', attrs: { id: 'similar-section', 'aria-live': 'polite' } },
        button('Показать похожее в других регионах', () => void this.loadSimilar(passage.id), { class: 'btn btn-small', attrs: { 'data-action': 'load-similar' } })),
    );
    this.scrollTo(current);
  }

  /** Scrolls the dialog body (only it, not the page behind) so `el` starts at the top. */
  private scrollTo(el: HTMLElement): void {
    this.body.scrollTop += el.getBoundingClientRect().top - this.body.getBoundingClientRect().top - 8;
  }

  private async loadSimilar(id: string): Promise<void> {
    const section = this.body.querySelector<HTMLElement>('#similar-section');
    if (!section) return;
    const signal = this.controller?.signal;
    setPhase(section, 'loading');
    replaceChildren(section, h('h3', null, 'Похожее в других регионах'), h('p', { class: 'loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), 'Ищем, что другие регионы пишут об этом…'));
    this.scrollTo(section);
    try {
      const similar = await getSimilar(id, SIMILAR_K, signal);
      if (signal?.aborted || this.currentId !== id) return;
      replaceChildren(
        section,
        h('h3', null, 'Похожее в других регионах'),
        similar.results.length === 0
          ? h('p', { class: 'muted' }, 'В других регионах похожих фрагментов не нашлось.')
          : similar.results.map((r) => passageCard(r, this.deps.actions, { showRegion: true })),
      );
      setPhase(section, 'done');
      this.scrollTo(section);
    } catch (err) {
      if (signal?.aborted) return;
      setPhase(section, 'error');
      replaceChildren(section, h('h3', null, 'Похожее в других регионах'),
        h('p', { class: 'error-text', attrs: { role: 'alert' } }, `Не загрузилось: ${err instanceof Error ? err.message : String(err)}`));
    }
  }
}
