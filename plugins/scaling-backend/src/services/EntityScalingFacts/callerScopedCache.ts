import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who a cached catalog answer belongs to. The catalog filters what it answers
 * by the caller's permissions, so an answer is reused for the same principal
 * only. Callers it cannot tell apart safely (none, or a service principal
 * with access restrictions) are not cached.
 */
function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
    accessRestrictions?: unknown;
    actor?: { subject?: string };
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    const actor = principal.actor?.subject ?? '';
    return `user|${principal.userEntityRef}|${actor}`;
  }
  if (
    principal.type === 'service' &&
    principal.subject &&
    !principal.accessRestrictions
  ) {
    return `service|${principal.subject}`;
  }
  return undefined;
}

/**
 * Catalog answers kept per caller for a few seconds: pages read again on every
 * signal, and a read should not ask the catalog over HTTP each time. A change
 * of the catalog or of what a caller may see shows within `ttlMs`. A failed
 * or empty answer is not kept, so that an entity shows as soon as it is in
 * the catalog.
 */
export function createCallerScopedCache<T>(options: { ttlMs: number }) {
  const { ttlMs } = options;
  const entries = new Map<string, { value: Promise<T>; at: number }>();
  let sweptAt = 0;

  function sweep(now: number) {
    if (now - sweptAt < ttlMs) return;
    sweptAt = now;
    for (const [key, entry] of entries) {
      if (now - entry.at >= ttlMs) entries.delete(key);
    }
  }

  return {
    get(
      credentials: BackstageCredentials,
      key: string,
      load: () => Promise<T>,
    ): Promise<T> {
      const who = principalKey(credentials);
      if (ttlMs <= 0 || !who) return load();
      const now = Date.now();
      sweep(now);
      const entryKey = `${who}|${key}`;
      const cached = entries.get(entryKey);
      if (cached && now - cached.at < ttlMs) return cached.value;
      const value = load();
      entries.set(entryKey, { value, at: now });
      const forget = () => {
        if (entries.get(entryKey)?.value === value) entries.delete(entryKey);
      };
      value.then(answer => answer === undefined && forget(), forget);
      return value;
    },
  };
}
