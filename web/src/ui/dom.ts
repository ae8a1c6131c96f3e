/**
 * A tiny element builder. Children are nodes or strings; strings always become text nodes, so nothing
 * from the corpus or the server is ever parsed as HTML. Event handlers are attached with addEventListener
 * (no inline handlers: the page runs under a strict Content-Security-Policy).
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes set with setAttribute (aria-*, data-*, type, href, ...). `false`/null/undefined leave them out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  onClick?: (event: MouseEvent) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  const onClick = props?.onClick;
  if (onClick) el.addEventListener('click', (event) => onClick(event as MouseEvent));
  append(el, children);
  return el;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html is missing #${id}`);
  return el as T;
}

/** A `<button type="button">` — never a submit button by accident. */
export function button(label: Child | Child[], onClick: (event: MouseEvent) => void, props: Props = {}): HTMLButtonElement {
  return h('button', { ...props, attrs: { type: 'button', ...props.attrs }, onClick }, label);
}

export type ViewPhase = 'intro' | 'loading' | 'done' | 'error';

/** Marks a region as loading (aria-busy) or settled; `data-phase` also lets tests wait for the outcome. */
export function setPhase(el: HTMLElement, phase: ViewPhase): void {
  el.dataset.phase = phase;
  if (phase === 'loading') el.setAttribute('aria-busy', 'true');
  else el.removeAttribute('aria-busy');
}
