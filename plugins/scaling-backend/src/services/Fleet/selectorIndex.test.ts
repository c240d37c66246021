import { matchesWorkloadQuery } from '../ScalingState';
import { selectorIndexKey } from './selectorIndex';

describe('selectorIndexKey', () => {
  it.each([
    ['backstage.io/kubernetes-id=web', 'backstage.io/kubernetes-id=web'],
    ['app==web', 'app=web'],
    ['tier!=canary, app = web', 'app=web'],
    ['app in (web,api)', undefined],
    ['!legacy,app', undefined],
    ['app!=web', undefined],
  ])('indexes %p by %p', (selector, key) => {
    expect(selectorIndexKey(selector)).toBe(key);
  });

  it('gives a label every object the selector matches carries', () => {
    const selector = 'tier!=canary,app=web';
    const key = selectorIndexKey(selector)!;
    const [name, value] = key.split('=');
    const matched = (
      [
        { app: 'web' },
        { app: 'web', tier: 'stable' },
        { app: 'api' },
        { app: 'web', tier: 'canary' },
      ] as Array<Record<string, string>>
    ).filter(labels =>
      matchesWorkloadQuery({ labelSelector: selector }, { labels }),
    );

    expect(matched).toHaveLength(2);
    expect(matched.every(labels => labels[name] === value)).toBe(true);
  });
});
