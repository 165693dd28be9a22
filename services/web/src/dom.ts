export type Child = Node | string | number | null | undefined | false;
type AttributeValue = string | number | boolean | null | undefined;
type Attributes = Record<string, AttributeValue | ((event: Event) => void)>;

/** Builds an element; text always goes in as text, never as HTML. Keys `on…` add event listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (value === true) element.setAttribute(key, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(key, String(value));
  }
  append(element, children.flat());
  return element;
}

export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

export function replaceContent(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children.flat());
}

/** A form field with its Russian label above it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control, hint ? h('small', { class: 'hint' }, hint) : null);
}

export function selectOf(name: string, options: [value: string, label: string][], selected?: string): HTMLSelectElement {
  return h('select', { name }, ...options.map(([value, label]) => h('option', { value, selected: value === selected }, label)));
}

export const valueOf = (form: HTMLFormElement, name: string): string => {
  const control = form.elements.namedItem(name);
  return control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement ? control.value.trim() : '';
};

/** `null` for an empty field, so optional API fields are left out rather than sent empty. */
export const optionalValueOf = (form: HTMLFormElement, name: string): string | null => valueOf(form, name) || null;
