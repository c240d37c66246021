import { hashString } from '../random';
import type { PodTemplate } from './kinds';

export const DEPLOYMENT_HASH_LABEL = 'pod-template-hash';
export const ROLLOUT_HASH_LABEL = 'rollouts-pod-template-hash';

/** The characters Kubernetes' `rand.SafeEncodeString` maps to (no vowels, no look-alikes). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The template with hash labels removed and empty values dropped, with keys sorted. Clients round
 * trip templates through typed structs (kubectl's rollback patches back `resources: {}` and
 * `creationTimestamp: null` it never sent), so equality and hashing must not see those.
 */
export function canonicalTemplate(template: PodTemplate): unknown {
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels[DEPLOYMENT_HASH_LABEL];
  delete labels[ROLLOUT_HASH_LABEL];
  return prune({ ...template, metadata: { ...template.metadata, labels } });
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter(item => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map(
        key => [key, prune((value as Record<string, unknown>)[key])] as const,
      )
      .filter(([, item]) => item !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === null ? undefined : value;
}

/** Whether two templates are the same apart from their hash labels (upstream's `EqualIgnoreHash`). */
export function templatesEqualIgnoringHash(
  a: PodTemplate,
  b: PodTemplate,
): boolean {
  return (
    JSON.stringify(canonicalTemplate(a)) ===
    JSON.stringify(canonicalTemplate(b))
  );
}

/** A number's decimal digits mapped to the safe alphabet (`rand.SafeEncodeString(fmt.Sprint(n))`). */
export function safeEncode(value: number): string {
  return String(value)
    .split('')
    .map(digit => SAFE_ALPHABET[digit.charCodeAt(0) % SAFE_ALPHABET.length])
    .join('');
}

/** FNV-1a (32 bit) of a text's UTF-8 bytes, as Go's `fnv.New32a` hashes a marshalled value. */
export function fnv32a(text: string): number {
  let h = 2166136261;
  for (const byte of Buffer.from(text, 'utf8'))
    h = Math.imul(h ^ byte, 16777619);
  return h >>> 0;
}

/**
 * The pod-template-hash of a template: FNV-32a, safe-encoded as upstream's `ComputeHash` does,
 * but of the canonical JSON of the template rather than of the Go struct (which Kubernetes
 * prints with `spew` and Argo Rollouts marshals with Go's field order and defaults), so the
 * value differs from a real cluster's. It is stable for a template, which is what controllers
 * rely on; nothing should compare it with a hash a real cluster computed.
 */
export function podTemplateHash(
  template: PodTemplate,
  collisionCount = 0,
): string {
  const text =
    JSON.stringify(canonicalTemplate(template)) +
    (collisionCount ? String(collisionCount) : '');
  return safeEncode(hashString(text));
}
