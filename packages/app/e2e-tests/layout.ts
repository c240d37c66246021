import { Page } from '@playwright/test';
import { screenshotDir } from './portal';

/** A piece of text that the browser broke inside a word, or cut off. */
export type LayoutDefect = {
  kind: 'word broken' | 'text clipped';
  text: string;
  where: string;
};

/**
 * Finds, in the page's content and its open dialogs, every word the browser
 * broke over two lines ("Loggin g Servic e") and every element whose text is
 * cut off by its box ("19.08 GiB fr"). A word is a run of text without
 * spaces; a break right after a hyphen or a slash counts as a break between
 * words. Text cut off with an ellipsis is not reported when the element's
 * title shows it whole, nor is text hidden on purpose for screen readers.
 * A table wider than its card that scrolls sideways is not clipped: all of
 * it can be reached.
 */
export function findLayoutDefects(
  page: Page,
  /** A CSS selector for the part of the page to check; all of it by default. */
  scope = 'body',
): Promise<LayoutDefect[]> {
  return page.evaluate(selector => {
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
    // Text for screen readers only: a box of a pixel, clipped away.
    const isForScreenReaders = (element: Element) => {
      for (
        let node: Element | null = element;
        node;
        node = node.parentElement
      ) {
        const box = node.getBoundingClientRect();
        const style = getComputedStyle(node);
        if (
          box.width <= 1 ||
          box.height <= 1 ||
          style.clip.startsWith('rect') ||
          (style.clipPath !== 'none' && style.clipPath !== '')
        ) {
          return true;
        }
      }
      return false;
    };
    // The page's content and any open dialog: everything but the sidebar.
    const inSidebar = (element: Element) =>
      Boolean(element.closest('nav[aria-label="sidebar nav"]'));
    const roots = Array.from(document.querySelectorAll(selector));
    if (roots.length === 0) {
      throw new Error(`Nothing on the page matches ${selector}`);
    }

    const range = document.createRange();
    const texts = roots.flatMap(root => {
      const found: Node[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        found.push(node);
      }
      return found;
    });
    for (const node of texts) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (
        !parent ||
        !text.trim() ||
        parent.closest('svg, pre, code') ||
        inSidebar(parent)
      ) {
        continue;
      }
      if (!isShown(parent) || isForScreenReaders(parent)) continue;
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

    const elements = roots.flatMap(root => [
      root,
      ...Array.from(root.querySelectorAll('*')),
    ]);
    for (const element of elements) {
      if (
        element.closest('svg, pre, code') ||
        inSidebar(element) ||
        !isShown(element)
      ) {
        continue;
      }
      const html = element as HTMLElement;
      if (!html.innerText?.trim() || isForScreenReaders(html)) continue;
      const style = getComputedStyle(html);
      const cutsOff = (overflow: string) =>
        overflow === 'hidden' || overflow === 'clip';
      // A glyph's descender reaching below a tight line box is not clipped text.
      const tooWide = html.scrollWidth > html.clientWidth + 1;
      const tooTall = html.scrollHeight > html.clientHeight + 4;
      const explained =
        style.textOverflow === 'ellipsis' &&
        html.title.trim() === html.innerText.trim();
      if (
        !explained &&
        ((tooWide && cutsOff(style.overflowX)) ||
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
  }, scope);
}

/** Writes a full-page screenshot of what the page shows now, named by page and width. */
export async function screenshotAtWidth(page: Page, name: string) {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({
    path: `${screenshotDir}/${name}-${width}.png`,
    fullPage: true,
  });
}
