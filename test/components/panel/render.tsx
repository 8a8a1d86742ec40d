// Renders the panel into happy-dom's document and hands back the container and the action spies.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { type Mock, vi } from 'vitest';
import { Panel, type PanelProps } from '../../../components/panel/Panel';
import type { PanelActions } from '../../../components/panel/panel-actions';
import { MINUTE, OWN, RUN_END } from './fixtures';

export type ActionSpies = { [K in keyof PanelActions]: Mock<PanelActions[K]> };

function spies(): ActionSpies {
  return {
    toggleCollapsed: vi.fn<PanelActions['toggleCollapsed']>(),
    lookAgain: vi.fn<PanelActions['lookAgain']>(),
    openOptions: vi.fn<PanelActions['openOptions']>(),
    openCheckIn: vi.fn<PanelActions['openCheckIn']>(),
    setStepDone: vi.fn<PanelActions['setStepDone']>(),
    setRunKind: vi.fn<PanelActions['setRunKind']>(),
    answer: vi.fn<PanelActions['answer']>(),
  };
}

export function mountPanel(props: Partial<PanelProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const actions = spies();
  const all: PanelProps = {
    target: OWN,
    state: null,
    now: RUN_END + 15 * MINUTE,
    collapsed: false,
    actions,
    timeZone: 'America/New_York',
    locale: 'en-GB',
    ...props,
  };
  act(() => render(<Panel {...all} />, container));
  return {
    container,
    actions,
    rerender(next: Partial<PanelProps>) {
      act(() => render(<Panel {...all} {...next} />, container));
    },
    text: () => container.textContent ?? '',
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

export function click(element: Element | null | undefined) {
  if (!element) throw new Error('nothing to click');
  act(() => (element as HTMLElement).click());
}

export function button(container: Element, name: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}
