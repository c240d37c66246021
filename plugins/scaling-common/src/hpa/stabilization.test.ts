/*
 * Cases ported from upstream Kubernetes
 * pkg/controller/podautoscaler/horizontal_test.go, with the same numbers.
 */
import { MINUTE, NOW } from './__testUtils__/behaviorFixtures';
import {
  stabilizeDownscale,
  stabilizeWithBehaviorWindows,
} from './stabilization';

/** `[replicas, age in minutes]` pairs as recommendations. */
const recommendations = (...entries: Array<[number, number]>) =>
  entries.map(([replicas, minutesAgo]) => ({
    replicas,
    timestamp: NOW - minutesAgo * MINUTE,
  }));

describe('stabilizeDownscale', () => {
  // TestNormalizeDesiredReplicas, with upstream's 5 minute window
  it.each`
    name                                    | log                                   | desired | stabilized | logLength
    ${'empty log'}                          | ${[]}                                 | ${5}    | ${5}       | ${1}
    ${'stabilize'}                          | ${[[4, 2], [5, 1]]}                   | ${3}    | ${5}       | ${3}
    ${'no stabilize'}                       | ${[[1, 2], [2, 1]]}                   | ${3}    | ${3}       | ${3}
    ${'no stabilize - old recommendations'} | ${[[10, 10], [9, 9]]}                 | ${3}    | ${3}       | ${2}
    ${'stabilize - old recommendations'}    | ${[[10, 10], [4, 1], [5, 2], [9, 9]]} | ${3}    | ${5}       | ${4}
  `(
    'TestNormalizeDesiredReplicas: $name',
    ({ log, desired, stabilized, logLength }) => {
      const result = stabilizeDownscale(
        recommendations(...log),
        desired,
        300,
        NOW,
      );
      expect(result.replicas).toBe(stabilized);
      expect(result.recommendations).toHaveLength(logLength);
      expect(result.recommendations).toContainEqual({
        replicas: desired,
        timestamp: NOW,
      });
    },
  );
});

describe('stabilizeWithBehaviorWindows', () => {
  interface Case {
    name: string;
    log: Array<[number, number]>;
    current: number;
    desired: number;
    upWindow?: number;
    downWindow?: number;
    stabilized: number;
    /** Replicas of the log afterwards, in order. */
    logAfter: number[];
  }

  // TestNormalizeDesiredReplicasWithBehavior
  it.each<Case>([
    {
      name: 'empty recommendations for scaling down',
      log: [],
      current: 100,
      desired: 5,
      stabilized: 5,
      logAfter: [5],
    },
    {
      name: 'simple scale down stabilization',
      log: [
        [4, 2],
        [5, 1],
      ],
      current: 100,
      desired: 3,
      stabilized: 5,
      logAfter: [4, 5, 3],
      downWindow: 60 * 3,
    },
    {
      name: 'simple scale up stabilization',
      log: [
        [4, 2],
        [5, 1],
      ],
      current: 1,
      desired: 7,
      stabilized: 4,
      logAfter: [4, 5, 7],
      upWindow: 60 * 5,
    },
    {
      name: 'no scale down stabilization',
      log: [
        [1, 2],
        [2, 1],
      ],
      current: 100,
      desired: 3,
      stabilized: 3,
      logAfter: [1, 2, 3],
      upWindow: 60 * 5,
    },
    {
      name: 'no scale up stabilization',
      log: [
        [4, 2],
        [5, 1],
      ],
      current: 1,
      desired: 3,
      stabilized: 3,
      logAfter: [4, 5, 3],
      downWindow: 60 * 5,
    },
    {
      name: 'no scale down stabilization, reuse recommendation element',
      log: [
        [10, 10],
        [9, 9],
      ],
      current: 100,
      desired: 3,
      stabilized: 3,
      logAfter: [10, 3],
    },
    {
      name: 'no scale up stabilization, reuse recommendation element',
      log: [
        [10, 10],
        [9, 9],
      ],
      current: 1,
      desired: 100,
      stabilized: 100,
      logAfter: [10, 100],
    },
    {
      name: 'scale down stabilization, reuse one of obsolete recommendation element',
      log: [
        [10, 10],
        [4, 1],
        [5, 2],
        [9, 9],
      ],
      current: 100,
      desired: 3,
      stabilized: 5,
      logAfter: [10, 4, 5, 3],
      downWindow: 3 * 60,
    },
    {
      // Only the first entry is outside both windows, so only it is reused.
      name: 'scale up stabilization, reuse one of obsolete recommendation element',
      log: [
        [10, 100],
        [6, 1],
        [5, 2],
        [9, 3],
      ],
      current: 1,
      desired: 100,
      stabilized: 5,
      logAfter: [100, 6, 5, 9],
      upWindow: 300,
    },
    {
      name: 'scale up and down stabilization, do not scale up when prenormalized rec goes down',
      log: [
        [2, 100],
        [3, 3],
      ],
      current: 2,
      desired: 1,
      stabilized: 2,
      logAfter: [1, 3],
      upWindow: 300,
      downWindow: 300,
    },
    {
      name: 'scale up and down stabilization, do not scale down when prenormalized rec goes up',
      log: [
        [2, 100],
        [1, 3],
      ],
      current: 2,
      desired: 3,
      stabilized: 2,
      logAfter: [3, 1],
      upWindow: 300,
      downWindow: 300,
    },
  ])('TestNormalizeDesiredReplicasWithBehavior: $name', testCase => {
    const result = stabilizeWithBehaviorWindows(
      recommendations(...testCase.log),
      {
        currentReplicas: testCase.current,
        desiredReplicas: testCase.desired,
        scaleUpWindowSeconds: testCase.upWindow ?? 0,
        scaleDownWindowSeconds: testCase.downWindow ?? 0,
        now: NOW,
      },
    );
    expect({
      replicas: result.replicas,
      log: result.recommendations.map(entry => entry.replicas),
    }).toEqual({ replicas: testCase.stabilized, log: testCase.logAfter });
  });

  it('names the direction it held back', () => {
    const input = {
      scaleUpWindowSeconds: 300,
      scaleDownWindowSeconds: 300,
      now: NOW,
    };
    const log = recommendations([5, 1]);
    expect(
      stabilizeWithBehaviorWindows(log, {
        ...input,
        currentReplicas: 2,
        desiredReplicas: 8,
      }),
    ).toMatchObject({ replicas: 5, reason: 'ScaleUpStabilized' });
    expect(
      stabilizeWithBehaviorWindows(log, {
        ...input,
        currentReplicas: 8,
        desiredReplicas: 2,
      }),
    ).toMatchObject({ replicas: 5, reason: 'ScaleDownStabilized' });
  });
});
