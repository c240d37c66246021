/**
 * Serious or critical axe violations that come from Backstage core, which the
 * suite cannot fix in its use of it. The accessibility check lets an element
 * through only when it breaks `rule` and matches the CSS `selector`; say why in
 * `reason`. None is needed now: every page and dialog the suite adds, Backstage's
 * sidebar, header and tabs included, passes.
 */
export const accessibilityAllowList: {
  rule: string;
  selector: string;
  reason: string;
}[] = [];
