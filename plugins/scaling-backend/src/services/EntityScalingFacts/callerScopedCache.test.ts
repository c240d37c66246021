import { mockCredentials } from '@backstage/backend-test-utils';
import { createCallerScopedCache } from './callerScopedCache';

describe('createCallerScopedCache', () => {
  afterEach(() => jest.useRealTimers());

  function counting<T>(answer: () => T) {
    const load = jest.fn(async () => answer());
    return load;
  }

  it('reuses an answer for the same caller and key within its time', async () => {
    const cache = createCallerScopedCache<string>({ ttlMs: 5_000 });
    const alice = mockCredentials.user('user:default/alice');
    const load = counting(() => 'entity');

    await cache.get(alice, 'component:default/a', load);
    await cache.get(alice, 'component:default/a', load);
    await cache.get(alice, 'component:default/b', load);

    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never gives one caller what the catalog answered another', async () => {
    const cache = createCallerScopedCache<string>({ ttlMs: 5_000 });
    const key = 'component:default/a';

    await cache.get(
      mockCredentials.user('user:default/alice'),
      key,
      async () => 'alice sees it',
    );
    const bob = await cache.get(
      mockCredentials.user('user:default/bob'),
      key,
      async () => 'bob does not',
    );
    const service = await cache.get(
      mockCredentials.service('plugin:catalog'),
      key,
      async () => 'a service',
    );

    expect(bob).toBe('bob does not');
    expect(service).toBe('a service');
  });

  it('asks again once the answer is older than its time', async () => {
    jest.useFakeTimers({ now: 0 });
    const cache = createCallerScopedCache<string>({ ttlMs: 5_000 });
    const alice = mockCredentials.user('user:default/alice');
    let version = 1;
    const load = jest.fn(async () => `version ${version}`);

    expect(await cache.get(alice, 'k', load)).toBe('version 1');
    version = 2;
    jest.setSystemTime(4_999);
    expect(await cache.get(alice, 'k', load)).toBe('version 1');
    jest.setSystemTime(5_000);
    expect(await cache.get(alice, 'k', load)).toBe('version 2');
  });

  it('keeps neither failures nor missing entities', async () => {
    const cache = createCallerScopedCache<string | undefined>({ ttlMs: 5_000 });
    const alice = mockCredentials.user('user:default/alice');

    await expect(
      cache.get(alice, 'k', async () => {
        throw new Error('catalog down');
      }),
    ).rejects.toThrow('catalog down');
    expect(await cache.get(alice, 'k', async () => undefined)).toBeUndefined();
    expect(await cache.get(alice, 'k', async () => 'registered')).toBe(
      'registered',
    );
  });

  it('does not cache a service principal with access restrictions, nor when turned off', async () => {
    const restricted = mockCredentials.service('plugin:scaffolder', {
      permissionNames: ['catalog.entity.read'],
    });
    const load = counting(() => 'answer');

    const cache = createCallerScopedCache<string>({ ttlMs: 5_000 });
    await cache.get(restricted, 'k', load);
    await cache.get(restricted, 'k', load);
    const off = createCallerScopedCache<string>({ ttlMs: 0 });
    const alice = mockCredentials.user('user:default/alice');
    await off.get(alice, 'k', load);
    await off.get(alice, 'k', load);

    expect(load).toHaveBeenCalledTimes(4);
  });
});
