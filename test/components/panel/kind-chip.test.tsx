// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { KindChip, sourceText } from '../../../components/panel/KindChip';
import type { Classification } from '../../../lib/model/classification';
import { longRun, runView } from './fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

function mountChip(classification: Classification, compact = false) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() =>
    render(<KindChip classification={classification} idBase="t" compact={compact} />, container),
  );
  return container;
}

describe('KindChip', () => {
  it('a detected long run: label, confidence, and the reasons behind a disclosure', () => {
    const { classification } = runView();
    expect(classification.source).toBe('inferred');
    const container = mountChip(classification);
    expect(container.querySelector('.bb-chip strong')?.textContent).toBe('Long run');
    expect(container.querySelector('.bb-chip-source')?.textContent).toBe('detected, confident');

    const toggle = container.querySelector('button')!;
    const list = container.querySelector('ul')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(list.id);
    expect(list.hidden).toBe(true);
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(
      classification.reasons,
    );

    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list.hidden).toBe(false);

    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(list.hidden).toBe(true);
  });

  it('a race tagged on Strava reads "Race", "tagged on Strava"', () => {
    const { classification } = runView({ activity: longRun({ workout_type: 1 }) });
    const container = mountChip(classification);
    expect(container.querySelector('.bb-chip strong')?.textContent).toBe('Race');
    expect(container.querySelector('.bb-chip-source')?.textContent).toBe('tagged on Strava');
  });

  it('the compact chip has no disclosure', () => {
    const container = mountChip(runView().classification, true);
    expect(container.querySelector('button')).toBeNull();
    expect(container.querySelector('ul')).toBeNull();
    expect(container.textContent).toBe('Long rundetected, confident');
  });

  it.each([
    [0.97, 'detected, confident'],
    [0.8, 'detected, confident'],
    [0.79, 'detected, likely'],
    [0.55, 'detected, likely'],
    [0.3, 'detected, a best guess'],
  ])('confidence %d reads "%s", never a percentage', (confidence, text) => {
    const { classification } = runView();
    expect(sourceText({ ...classification, confidence })).toBe(text);
  });
});
