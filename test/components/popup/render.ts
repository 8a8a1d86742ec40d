// Mounting Preact views in happy-dom, and driving forms the way a browser would.
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

export function mount(vnode: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(vnode, root));
  return root;
}

export function unmountAll() {
  for (const el of [...document.body.children]) {
    render(null, el);
    el.remove();
  }
}

export function setValue(root: ParentNode, selector: string, value: string) {
  const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  el.value = value;
}

export async function submit(form: HTMLFormElement | null) {
  if (!form) throw new Error('no form');
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  // Let awaited callbacks and their state updates settle.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

export async function click(el: Element | null) {
  if (!el) throw new Error('no element to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

export const text = (el: Element | null | undefined) =>
  el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
