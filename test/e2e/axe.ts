import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe-core's violations on a page or frame, or only in `include` (axe's context: selectors, and
 * [host, inner] pairs for shadow roots), as "rule: target" lines.
 */
export async function axeViolations(page: Page | Frame, include?: unknown[]): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const context = within ? { include: within } : document;
    const result = await axe.run(context, { resultTypes: ['violations'], iframes: false });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`),
    );
  }, include);
}
