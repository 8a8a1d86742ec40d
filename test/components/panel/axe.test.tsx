// @vitest-environment happy-dom
// axe-core over the rendered panel in happy-dom: structure and ARIA rules. Colour contrast needs
// real layout, so the browser tests own that rule.
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanelProps } from '../../../components/panel/Panel';
import { HOUR, MINUTE, RUN_END, ready, runView, sync } from './fixtures';
import { mountPanel } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

const cases: [string, Partial<PanelProps>][] = [
  ['loading', { state: null }],
  ['not connected', { state: { state: 'not-connected' } }],
  [
    'rate-limited',
    { state: { state: 'unknown', sync: sync({ pausedUntil: RUN_END + 2 * HOUR }) } },
  ],
  ['ready', { state: ready(runView({ done: ['cool-down'] })), now: RUN_END + 20 * MINUTE }],
  ['ready, collapsed', { state: ready(), collapsed: true }],
];

describe('axe-core', () => {
  it.each(cases)('%s: no violations', async (_, props) => {
    document.documentElement.lang = 'en';
    const { container } = mountPanel(props);
    const main = document.createElement('main');
    main.append(container);
    document.body.append(main);
    const result = await axe.run(container, {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
    // axe really looked at the panel.
    expect(result.passes.length).toBeGreaterThan(3);
  });
});
