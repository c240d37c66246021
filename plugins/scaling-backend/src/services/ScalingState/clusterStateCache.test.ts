import { mockServices } from '@backstage/backend-test-utils';
import {
  createClusterStateCache,
  ObservedWorkloads,
} from './clusterStateCache';
import { StateCacheStore } from './fallbackCache';

/** The shared cache as every replica sees it. */
function sharedStore() {
  const entries = new Map<string, any>();
  const store: StateCacheStore = {
    get: async key => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
    delete: async key => void entries.delete(key),
  };
  return { store, entries };
}

const answer = (observedAt: string): ObservedWorkloads => ({
  observedAt,
  workloads: [],
});

describe('createClusterStateCache', () => {
  function setUp() {
    const shared = sharedStore();
    const cache = createClusterStateCache({
      cache: shared.store,
      logger: mockServices.logger.mock(),
      ttlMs: 10_000,
    });
    return { shared, cache };
  }

  it('serves the answer it parsed again while the shared cache holds the same text', async () => {
    const { cache } = setUp();
    const load = jest.fn(async () => answer('2026-12-06T10:00:00.000Z'));
    const loaded = await cache.getOrLoad('k', load);
    const first = await cache.getOrLoad('k', load);
    const second = await cache.getOrLoad('k', load);
    expect(first).toEqual(loaded);
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shares only frozen answers between requests', async () => {
    const { cache } = setUp();
    await cache.getOrLoad('k', async () => answer('2026-12-06T10:00:00.000Z'));
    const hit = await cache.getOrLoad('k', jest.fn());
    expect(Object.isFrozen(hit)).toBe(true);
    expect(() => (hit.workloads as unknown[]).push({})).toThrow(TypeError);
  });

  it('serves what another replica stored, and loads again once another replica evicted it', async () => {
    const { shared, cache } = setUp();
    await cache.getOrLoad('k', async () => answer('2026-12-06T10:00:00.000Z'));
    await cache.getOrLoad('k', jest.fn());

    shared.entries.set('k', JSON.stringify(answer('2026-12-06T10:00:05.000Z')));
    expect((await cache.getOrLoad('k', jest.fn())).observedAt).toBe(
      '2026-12-06T10:00:05.000Z',
    );

    await shared.store.delete('k');
    const load = jest.fn(async () => answer('2026-12-06T10:00:09.000Z'));
    expect((await cache.getOrLoad('k', load)).observedAt).toBe(
      '2026-12-06T10:00:09.000Z',
    );
    expect(load).toHaveBeenCalledTimes(1);
  });
});
