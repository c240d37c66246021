import { statusErrors } from '../status';
import type { KubeObject } from './types';

export type LabelRequirement =
  | { key: string; op: 'exists' | 'notExists' }
  | { key: string; op: 'in' | 'notIn'; values: readonly string[] };

export type LabelSelector = readonly LabelRequirement[];

/**
 * Parses a label selector string as on the wire: `a=b`, `a==b`, `a!=b`, `a`, `!a`,
 * `a in (x,y)`, `a notin (x,y)`, comma separated (commas inside parentheses belong to the set).
 */
export function parseLabelSelector(text: string | undefined): LabelSelector {
  if (!text || !text.trim()) return [];
  return splitTopLevel(text).map(parseLabelRequirement);
}

function parseLabelRequirement(raw: string): LabelRequirement {
  const term = raw.trim();
  const setMatch = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (setMatch) {
    const values = setMatch[3]
      .split(',')
      .map(v => v.trim())
      .filter(v => v.length > 0);
    return {
      key: setMatch[1],
      op: setMatch[2] === 'in' ? 'in' : 'notIn',
      values,
    };
  }
  const opMatch = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(term);
  if (opMatch) {
    return {
      key: opMatch[1],
      op: opMatch[2] === '!=' ? 'notIn' : 'in',
      values: [opMatch[3]],
    };
  }
  if (/^![^\s!=()]+$/.test(term))
    return { key: term.slice(1), op: 'notExists' };
  if (/^[^\s!=()]+$/.test(term)) return { key: term, op: 'exists' };
  throw statusErrors.badRequest(
    `unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`,
  );
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter(p => p.trim().length > 0);
}

export function matchesLabels(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  for (const req of selector) {
    const value = labels?.[req.key];
    switch (req.op) {
      case 'exists':
        if (value === undefined) return false;
        break;
      case 'notExists':
        if (value !== undefined) return false;
        break;
      case 'in':
        if (value === undefined || !req.values.includes(value)) return false;
        break;
      case 'notIn':
        if (value !== undefined && req.values.includes(value)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A Kubernetes `LabelSelector` object (matchLabels + matchExpressions) as a requirement list. */
export function fromLabelSelectorObject(selector: {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}): LabelSelector {
  const reqs: LabelRequirement[] = Object.entries(
    selector.matchLabels ?? {},
  ).map(([key, value]) => ({
    key,
    op: 'in' as const,
    values: [value],
  }));
  for (const expr of selector.matchExpressions ?? []) {
    switch (expr.operator) {
      case 'In':
        reqs.push({ key: expr.key, op: 'in', values: expr.values ?? [] });
        break;
      case 'NotIn':
        reqs.push({ key: expr.key, op: 'notIn', values: expr.values ?? [] });
        break;
      case 'Exists':
        reqs.push({ key: expr.key, op: 'exists' });
        break;
      case 'DoesNotExist':
        reqs.push({ key: expr.key, op: 'notExists' });
        break;
      default:
        throw statusErrors.badRequest(
          `"${expr.operator}" is not a valid label selector operator`,
        );
    }
  }
  return reqs;
}

/** The wire form of a selector object, as in `HPA.status.selector` or `Scale.status.selector`. */
export function formatLabelSelector(selector: LabelSelector): string {
  return selector
    .map(req => {
      switch (req.op) {
        case 'exists':
          return req.key;
        case 'notExists':
          return `!${req.key}`;
        case 'in':
          return req.values.length === 1
            ? `${req.key}=${req.values[0]}`
            : `${req.key} in (${req.values.join(',')})`;
        default:
          return req.values.length === 1
            ? `${req.key}!=${req.values[0]}`
            : `${req.key} notin (${req.values.join(',')})`;
      }
    })
    .join(',');
}

export interface FieldRequirement {
  path: readonly string[];
  value: string;
  negate: boolean;
}

export type FieldSelector = readonly FieldRequirement[];

/** Parses `a.b=c,d!=e`. Any dotted field path is accepted (the API server is stricter per kind). */
export function parseFieldSelector(text: string | undefined): FieldSelector {
  if (!text || !text.trim()) return [];
  return text.split(',').map(raw => {
    const match = /^\s*([A-Za-z0-9_.\-/]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(raw);
    if (!match)
      throw statusErrors.badRequest(
        `invalid selector: '${text}'; can't understand '${raw}'`,
      );
    return {
      path: match[1].split('.'),
      value: match[3],
      negate: match[2] === '!=',
    };
  });
}

export function matchesFields(
  selector: FieldSelector,
  object: KubeObject,
): boolean {
  for (const req of selector) {
    let cursor: unknown = object;
    for (const segment of req.path) {
      cursor =
        cursor && typeof cursor === 'object'
          ? (cursor as Record<string, unknown>)[segment]
          : undefined;
    }
    const actual =
      cursor === undefined || cursor === null ? '' : String(cursor);
    if ((actual === req.value) === req.negate) return false;
  }
  return true;
}
