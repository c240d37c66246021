import { test as base, ConsoleMessage, expect, Page } from '@playwright/test';
import { resolve } from 'node:path';

/** Outside the HTML report's folder, which the reporter empties on every run. */
export const screenshotDir = resolve(__dirname, '../../../e2e-screenshots');

/** The MesChain-Sync services of the demo catalog. */
export const services = [
  'user-service',
  'product-service',
  'order-service',
  'marketplace-service',
  'analytics-service',
  'notification-service',
  'logging-service',
  'monitoring-service',
];

/**
 * Warnings that React, Material-UI and material-table print in a development
 * build, of the kinds that point at a bug in our markup: a list without keys,
 * invalid DOM nesting, rows without ids, a prop of the wrong type. React prints
 * most of them as errors, material-table as warnings.
 */
const reactWarning =
  /^Warning: |validateDOMNesting|unique "key" prop|unique id|Material-UI: |MUI: /;

/**
 * Deprecation notices that React prints about upstream packages we cannot
 * change (Material-UI v4's transitions, material-table, react-beautiful-dnd).
 * They say nothing about our markup, so they do not fail a test.
 */
const upstreamDeprecations = [
  /findDOMNode is deprecated/,
  /Support for defaultProps will be removed from (function|memo) components/,
];

/** One message the page printed, as the console check reports it. */
export type ConsoleProblem = { type: string; text: string; url: string };

export type ConsoleCheckOptions = {
  /**
   * Console errors a test provokes on purpose (a refused request, say), by
   * their text. Anything else printed as an error fails the test.
   */
  expectedConsoleErrors: RegExp[];
};

/**
 * The message as the browser's console shows it: React passes its warnings as
 * a format string with `%s` placeholders, followed by their values (the
 * component's name, the component stack).
 */
async function describeMessage(
  message: ConsoleMessage,
): Promise<ConsoleProblem> {
  const { url, lineNumber } = message.location();
  const values = await Promise.all(
    message
      .args()
      .map(arg => arg.jsonValue().then(String, () => message.text())),
  ).catch(() => [message.text()]);
  const [first = message.text(), ...rest] = values;
  let text = first;
  while (rest.length > 0 && /%[sdoOif]/.test(text)) {
    text = text.replace(/%[sdoOif]/, rest.shift()!);
  }
  return {
    type: message.type(),
    text: [text, ...rest].join(' '),
    url: url ? `${url}:${lineNumber}` : '',
  };
}

/**
 * Collects what the page prints to its console. A test fails on an uncaught
 * exception, on any console error it did not expect, and on React or
 * Material-UI warnings of the kinds in `reactWarning`. Every message is
 * attached to the test's report.
 */
export const test = base.extend<
  ConsoleCheckOptions & { consoleProblems: ConsoleProblem[] }
>({
  expectedConsoleErrors: [[], { option: true }],

  consoleProblems: [
    async ({ page, expectedConsoleErrors }, use, testInfo) => {
      const printed: ConsoleProblem[] = [];
      const problems: ConsoleProblem[] = [];
      const reading: Promise<void>[] = [];
      page.on('console', message => {
        if (message.type() !== 'error' && message.type() !== 'warning') {
          return;
        }
        reading.push(
          describeMessage(message).then(entry => {
            printed.push(entry);
            if (upstreamDeprecations.some(p => p.test(entry.text))) return;
            const expected =
              entry.type === 'error' &&
              expectedConsoleErrors.some(p => p.test(entry.text));
            if (
              (entry.type === 'error' && !expected) ||
              reactWarning.test(entry.text)
            ) {
              problems.push(entry);
            }
          }),
        );
      });
      page.on('pageerror', error => {
        problems.push({
          type: 'pageerror',
          text: error.stack ?? String(error),
          url: page.url(),
        });
      });

      await use(problems);
      await Promise.all(reading);

      if (printed.length > 0) {
        await testInfo.attach('console', {
          contentType: 'application/json',
          body: JSON.stringify(printed, null, 2),
        });
      }
      expect(
        problems.map(({ type, text }) => `${type}: ${text.slice(0, 1500)}`),
        'console errors, uncaught exceptions and React warnings',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in as the demo's guest, a member of platform-team. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
