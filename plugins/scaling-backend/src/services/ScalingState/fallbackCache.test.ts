import { mockServices } from '@backstage/backend-test-utils';
import { createFallbackCache, StateCacheStore } from './fallbackCache';

/** A shared cache that works until it is told to fail or to hang. */
function flakyShared() {
  const entries = new Map<string, any>();
  let state: 'up' | 'failing' | 'hanging' = 'up';
  const act = <T>(work: () => T): Promise<T> => {
    if (state === 'failing')
      return Promise.reject(new Error('Socket closed unexpectedly'));
    if (state === 'hanging') return new Promise<T>(() => {});
    return Promise.resolve(work());
  };
  const store: StateCacheStore = {
    get: async key => act(() => entries.get(key)),
    set: async (key, value) => act(() => void entries.set(key, value)),
    delete: async key => act(() => void entries.delete(key)),
  };
  return { store, entries, setState: (s: typeof state) => (state = s) };
}

describe('createFallbackCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  function setUp() {
    const shared = flakyShared();
    const logger = mockServices.logger.mock();
    const cache = createFallbackCache({
      shared: shared.store,
      logger,
      timeoutMs: 50,
      retryAfterMs: 30_000,
      now,
    });
    return { shared, logger, cache };
  }

  it('uses the shared cache while it answers', async () => {
    const { shared, cache } = setUp();
    await cache.set('k', { a: 1 }, { ttl: 10_000 });
    expect(shared.entries.get('k')).toEqual({ a: 1 });
    expect(await cache.get('k')).toEqual({ a: 1 });
  });

  it.each(['failing', 'hanging'] as const)(
    'caches in this replica with one warning while the shared cache is %s, and returns to it later',
    async state => {
      const { shared, logger, cache } = setUp();
      shared.setState(state);
      expect(await cache.get('k')).toBeUndefined();
      await cache.set('k', { a: 2 }, { ttl: 10_000 });
      expect(await cache.get('k')).toEqual({ a: 2 });
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0][0]).toMatch(
        /caching the scaling state in this replica only/,
      );

      await cache.delete('k');
      expect(await cache.get('k')).toBeUndefined();

      clock += 11_000;
      await cache.set('j', { b: 1 }, { ttl: 10_000 });
      clock += 10_001;
      expect(await cache.get('j')).toBeUndefined();

      shared.setState('up');
      clock += 30_000;
      await cache.set('k', { a: 3 }, { ttl: 10_000 });
      expect(shared.entries.get('k')).toEqual({ a: 3 });
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/shared by the replicas once more/),
      );
    },
  );
});
