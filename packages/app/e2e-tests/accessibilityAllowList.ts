/**
 * Serious or critical axe violations that come from Backstage core, which the
 * suite cannot fix in its use of it. The accessibility check lets an element
 * through only when it breaks `rule` and matches the CSS `selector`; say why in
 * `reason`.
 */
export const accessibilityAllowList: {
  rule: string;
  selector: string;
  reason: string;
}[] = [
  {
    rule: 'label-content-name-mismatch',
    selector: 'a[href="/notifications"], a[href="/notifications"] *',
    reason:
      "The notifications plugin's sidebar item, once there are unread notifications, shows their count in a tag group of its own, so the link's name, 'Notifications', lacks the visible count. It is the plugin's markup, and the alert tests leave notifications unread for whatever page is audited after them.",
  },
];
