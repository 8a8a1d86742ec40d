import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { panelFrameConfig } from '../../../lib/panel-frame/panel-frame-config';

const css = readFileSync(resolve(__dirname, '../../../components/panel/panel.css'), 'utf8');
const hostCss = panelFrameConfig('chrome-extension://x/panel.html').css;

/** The body of the first block opened by `prelude` (balanced braces). */
function block(prelude: string): string {
  const start = css.indexOf(prelude);
  if (start < 0) return '';
  let depth = 0;
  for (let i = css.indexOf('{', start); i < css.length; i++) {
    if (css[i] === '{') depth++;
    if (css[i] === '}' && --depth === 0) return css.slice(css.indexOf('{', start) + 1, i);
  }
  return '';
}

describe('panel.css', () => {
  it('turns transitions and animations off for reduced motion', () => {
    const reduced = block('@media (prefers-reduced-motion: reduce)');
    expect(reduced).toMatch(/transition:\s*none/);
    expect(reduced).toMatch(/animation:\s*none/);
    // Every element with a transition is covered by the rule.
    expect(css.match(/transition:\s*(?!none)/g)?.length).toBeGreaterThan(0);
    expect(reduced).toContain('.bb-chevron');
    expect(reduced).toContain('.bb-countdown-bar > span');
  });

  it('has a screen-reader-only utility, visible focus, our teal accent and AA muted text', () => {
    expect(block('.bb-sr {')).toMatch(/position:\s*absolute/);
    expect(block('.bb-panel :focus-visible')).toMatch(/outline:\s*2px solid/);
    expect(css).toContain('--bb-accent: #0e7c66');
    expect(css).toContain('--bb-muted: #6d6d78');
    expect(css.toLowerCase()).not.toContain('#fc5200');
  });

  it('keeps the fixed card (its host) and no fixed width wider than Strava’s column', () => {
    expect(/:host\(\[data-fallback\]\)\s*\{([^}]*)\}/.exec(hostCss)?.[1]).toMatch(
      /position:\s*fixed/,
    );
    expect(/:host\s*\{([^}]*)\}/.exec(hostCss)?.[1]).toMatch(/max-width:\s*640px/);
    for (const [, px] of css.matchAll(/(?:^|\s)(?:min-)?width:\s*(\d+)px/g)) {
      expect(Number(px)).toBeLessThanOrEqual(640);
    }
    expect(css).not.toMatch(/(^|\})\s*(html|body|\*)\s*[{,]/);
  });
});
