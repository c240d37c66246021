import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { accessibilityAllowList } from './accessibilityAllowList';

/** The WCAG 2.0 and 2.1 rules of levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The impacts that fail a test. */
const blockingImpacts = new Set(['serious', 'critical']);

/** One element that breaks one axe rule. */
export type AxeFinding = {
  rule: string;
  impact: string;
  /** Axe's selector of the element. */
  target: string;
  html: string;
  help: string;
  /** What axe found wrong, e.g. the colours and contrast ratio. */
  summary: string;
};

/**
 * Runs axe's WCAG 2.0/2.1 A and AA rules on what the page shows now (or on
 * the part that `include` selects), and splits the serious and critical
 * findings into those the allow-list explains and the rest.
 */
export async function auditAccessibility(
  page: Page,
  options: { include?: string } = {},
): Promise<{ blocking: AxeFinding[]; allowed: AxeFinding[] }> {
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  if (options.include) {
    builder = builder.include(options.include);
  }
  const results = await builder.analyze();
  const findings: AxeFinding[] = results.violations.flatMap(violation =>
    violation.nodes
      .filter(node =>
        blockingImpacts.has(node.impact ?? violation.impact ?? ''),
      )
      .map(node => ({
        rule: violation.id,
        impact: node.impact ?? violation.impact ?? '',
        target: node.target.map(String).join(' '),
        html: node.html.slice(0, 300),
        help: violation.help,
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
  );
  const allowedFlags = await page.evaluate(
    ([candidates, allowList]) =>
      candidates.map(({ rule, target }) => {
        const element = document.querySelector(target);
        return allowList.some(
          entry =>
            entry.rule === rule &&
            element !== null &&
            element.matches(entry.selector),
        );
      }),
    [
      findings.map(({ rule, target }) => ({ rule, target })),
      accessibilityAllowList.map(({ rule, selector }) => ({ rule, selector })),
    ] as const,
  );
  return {
    blocking: findings.filter((_, index) => !allowedFlags[index]),
    allowed: findings.filter((_, index) => allowedFlags[index]),
  };
}

/**
 * Checks that the page, as it shows now, has no serious or critical axe
 * violation outside the allow-list. The check is soft, so one test can audit
 * several pages and report every count; the test still fails at its end.
 * Each count goes into the test's annotations and the log.
 */
export async function expectAccessible(
  page: Page,
  what: string,
  options: { include?: string } = {},
) {
  const { blocking, allowed } = await auditAccessibility(page, options);
  const description = `${what}: ${blocking.length} serious or critical, ${allowed.length} allowed`;
  test.info().annotations.push({ type: 'axe', description });
  // eslint-disable-next-line no-console
  console.log(`axe ${description}`);
  expect
    .soft(
      blocking.map(
        ({ rule, target, help, summary }) =>
          `${rule} ${target}: ${help}. ${summary}`,
      ),
      `serious or critical axe violations on ${what}`,
    )
    .toEqual([]);
}
