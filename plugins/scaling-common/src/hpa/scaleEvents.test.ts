/*
 * TestStoreScaleEvents from upstream Kubernetes
 * pkg/controller/podautoscaler/horizontal_test.go, with the same numbers.
 * Each case runs once for scale-up and once for scale-down, as upstream.
 */
import { NOW, scalingRules, SECOND } from './__testUtils__/behaviorFixtures';
import { resolveBehavior } from './defaults';
import { recordScaleEvent, replicasChangedWithin } from './scaleEvents';
import type { HpaScalingRules } from './types';

/** `[replicaChange, age in seconds, outdated]` triples as events. */
const events = (...entries: Array<[number, number, boolean?]>) =>
  entries.map(([replicaChange, secondsAgo, outdated = false]) => ({
    replicaChange,
    timestamp: NOW - secondsAgo * SECOND,
    outdated,
  }));

interface Case {
  name: string;
  previous: Array<[number, number]>;
  rules?: HpaScalingRules;
  /** `[replicaChange, outdated]` of the stored events afterwards. */
  stored: Array<[number, boolean]>;
  changeInLastMinute: number;
}

describe('recordScaleEvent', () => {
  const cases: Case[] = [
    {
      name: 'empty entries with default behavior',
      previous: [],
      stored: [], // no behavior, so no events are stored
      changeInLastMinute: 0,
    },
    {
      name: 'empty entries with two-policy-behavior',
      previous: [],
      rules: scalingRules(10, 60, 100, 60, 0),
      stored: [[5, false]],
      changeInLastMinute: 0,
    },
    {
      name: 'one outdated entry to be kept untouched without behavior',
      previous: [[7, 61]],
      stored: [[7, false]],
      changeInLastMinute: 0,
    },
    {
      name: 'one outdated entry to be replaced with behavior',
      previous: [[7, 61]],
      rules: scalingRules(10, 60, 100, 60, 0),
      stored: [[5, false]],
      changeInLastMinute: 0,
    },
    {
      name: 'one actual entry to be not touched with behavior',
      previous: [[7, 58]],
      rules: scalingRules(10, 60, 100, 60, 0),
      stored: [
        [7, false],
        [5, false],
      ],
      changeInLastMinute: 7,
    },
    {
      name: 'two entries, one of them to be replaced',
      previous: [
        [7, 61],
        [6, 59],
      ],
      rules: scalingRules(10, 60, 0, 0, 0),
      stored: [
        [5, false],
        [6, false],
      ],
      changeInLastMinute: 6,
    },
    {
      // Both old entries are marked outdated; only the last one is reused.
      name: 'replace one entry, use policies with different periods',
      previous: [
        [8, 29],
        [6, 59],
        [7, 61],
        [9, 61],
      ],
      rules: scalingRules(10, 60, 100, 30, 0),
      stored: [
        [8, false],
        [6, false],
        [7, true],
        [5, false],
      ],
      changeInLastMinute: 14,
    },
    {
      name: 'two entries, both actual',
      previous: [
        [7, 58],
        [6, 59],
      ],
      rules: scalingRules(10, 120, 100, 30, 0),
      stored: [
        [7, false],
        [6, false],
        [5, false],
      ],
      changeInLastMinute: 13,
    },
  ];

  describe.each([
    { direction: 'up', newReplicas: 15, eventsKey: 'scaleUpEvents' as const },
    {
      direction: 'down',
      newReplicas: 5,
      eventsKey: 'scaleDownEvents' as const,
    },
  ])('scaling $direction', ({ newReplicas, eventsKey }) => {
    it.each(cases)('TestStoreScaleEvents: $name', testCase => {
      const previous = events(...testCase.previous);
      expect(replicasChangedWithin(previous, 60, NOW)).toBe(
        testCase.changeInLastMinute,
      );

      const behavior =
        testCase.rules &&
        resolveBehavior(
          eventsKey === 'scaleUpEvents'
            ? { scaleUp: testCase.rules }
            : { scaleDown: testCase.rules },
          300,
        );
      const history = {
        scaleUpEvents: [],
        scaleDownEvents: [],
        [eventsKey]: previous,
      };
      const recorded = recordScaleEvent(
        history,
        behavior,
        10,
        newReplicas,
        NOW,
      );
      expect(
        recorded[eventsKey].map(event => [event.replicaChange, event.outdated]),
      ).toEqual(testCase.stored);
    });
  });

  it('stamps the new event with the evaluation time', () => {
    const recorded = recordScaleEvent(
      { scaleUpEvents: [], scaleDownEvents: [] },
      resolveBehavior({}, 300),
      3,
      7,
      NOW,
    );
    expect(recorded).toEqual({
      scaleUpEvents: [{ replicaChange: 4, timestamp: NOW, outdated: false }],
      scaleDownEvents: [],
    });
  });
});
