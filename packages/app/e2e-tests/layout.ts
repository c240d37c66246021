import { Page } from '@playwright/test';
import { screenshotDir } from './portal';

/** A piece of text that the browser broke inside a word, or cut off. */
export type LayoutDefect = {
  kind: 'word broken' | 'text clipped';
  text: string;
  where: string;
};

/**
 * Finds, in what the page shows now, every word the browser broke over two
 * lines ("Loggin g Servic e") and every element whose text is cut off by its
 * box ("19.08 GiB fr"). A word is a run of text without spaces; a break right
 * after a hyphen or a slash counts as a break between words. Text cut off
 * with an ellipsis is not reported when the element's title shows it whole.
 */
export function findLayoutDefects(page: Page): Promise<LayoutDefect[]> {
  return page.evaluate(() => {
    const defects: LayoutDefect[] = [];
    const describe = (element: Element) => {
      const parts: string[] = [];
      for (
        let node: Element | null = element;
        node && parts.length < 4;
        node = node.parentElement
      ) {
        const label =
          node.getAttribute('aria-label') ??
          node.getAttribute('data-testid') ??
          node.getAttribute('role');
        parts.push(
          label
            ? `${node.tagName.toLowerCase()}[${label}]`
            : node.tagName.toLowerCase(),
        );
      }
      return parts.join(' < ');
    };
    const isShown = (element: Element) => {
      const style = getComputedStyle(element);
      return (
        style.visibility !== 'hidden' &&
        style.display !== 'none' &&
        (element as HTMLElement).offsetParent !== null
      );
    };

    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || !text.trim() || parent.closest('svg, pre, code')) {
        continue;
      }
      if (!isShown(parent)) continue;
      const words = /[^\s\-/]+[-/]?/g;
      for (let match = words.exec(text); match; match = words.exec(text)) {
        if (match[0].length < 2) continue;
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          Array.from(range.getClientRects())
            .filter(rect => rect.width > 0 && rect.height > 0)
            .map(rect => Math.round(rect.top)),
        );
        if (lines.size > 1) {
          defects.push({
            kind: 'word broken',
            text: `${match[0]} (in "${text.trim().slice(0, 80)}")`,
            where: describe(parent),
          });
        }
      }
    }

    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      if (element.closest('svg, pre, code') || !isShown(element)) continue;
      const html = element as HTMLElement;
      if (!html.innerText?.trim()) continue;
      const style = getComputedStyle(html);
      const cutsOff = (overflow: string) =>
        overflow === 'hidden' || overflow === 'clip';
      const scrolls = (overflow: string) =>
        overflow === 'auto' || overflow === 'scroll';
      const tooWide = html.scrollWidth > html.clientWidth + 1;
      const tooTall = html.scrollHeight > html.clientHeight + 1;
      const explained =
        style.textOverflow === 'ellipsis' &&
        html.title.trim() === html.innerText.trim();
      if (
        !explained &&
        ((tooWide && (cutsOff(style.overflowX) || scrolls(style.overflowX))) ||
          (tooTall && cutsOff(style.overflowY)))
      ) {
        defects.push({
          kind: 'text clipped',
          text: html.innerText.trim().replace(/\s+/g, ' ').slice(0, 80),
          where: describe(html),
        });
      }
    }
    return defects;
  });
}

/** Writes a full-page screenshot of what the page shows now, named by page and width. */
export async function screenshotAtWidth(page: Page, name: string) {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({
    path: `${screenshotDir}/${name}-${width}.png`,
    fullPage: true,
  });
}
