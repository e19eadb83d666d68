// A few DOM helpers. Text always goes in as textContent: messages quote what units typed.
import { toVietnamIso } from '../../../lib/_lib/calendar';

type Attributes = Record<string, string | boolean | number | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The pane has no #${id}`);
  return element as T;
}

export function clear(element: HTMLElement): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

/** `14:05:09`, Vietnam time like every time da06 shows. */
export function timeText(date: Date): string {
  return toVietnamIso(date.getTime()).slice(11, 19);
}

export type NoticeTone = 'info' | 'warning' | 'error' | 'success';

export function notice(tone: NoticeTone, title: string, ...lines: string[]): HTMLElement {
  return h('div', { class: `notice notice-${tone}`, role: tone === 'error' ? 'alert' : 'status' }, h('strong', {}, title), ...lines.map((line) => h('p', {}, line)));
}
