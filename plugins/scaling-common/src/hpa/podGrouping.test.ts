/*
 * TestGroupPods from upstream Kubernetes
 * pkg/controller/podautoscaler/replica_calculator_test.go, same pods and times.
 * Upstream's "Succeeded" pods stand for any non-pending, non-failed phase.
 * A pod without a Ready condition is expressed as `ready: false`.
 */
import { groupPods, PodMetric } from './podGrouping';
import type { PodSample } from './types';

const NOW = Date.UTC(2025, 0, 15, 12);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const TIMING = {
  cpuInitializationPeriodSeconds: 120,
  initialReadinessDelaySeconds: 10,
};

const sample = (timestamp = 0, windowSeconds = 60): PodMetric => ({
  value: 1n,
  timestamp,
  windowSeconds,
});

interface Case {
  name: string;
  pods: PodSample[];
  metrics: Record<string, PodMetric>;
  resource: string;
  ready: number;
  unready?: string[];
  missing?: string[];
  ignored?: string[];
}

describe('groupPods', () => {
  it.each<Case>([
    { name: 'void', pods: [], metrics: {}, resource: 'cpu', ready: 0 },
    {
      name: 'count in a ready pod - memory',
      pods: [
        { name: 'bentham', phase: 'Succeeded', ready: false, requests: {} },
      ],
      metrics: { bentham: sample(NOW, 60) },
      resource: 'memory',
      ready: 1,
    },
    {
      name: 'unready a pod without ready condition - CPU',
      pods: [
        {
          name: 'lucretius',
          phase: 'Succeeded',
          ready: false,
          startTime: NOW,
          requests: {},
        },
      ],
      metrics: { lucretius: sample() },
      resource: 'cpu',
      ready: 0,
      unready: ['lucretius'],
    },
    {
      name: 'count in a ready pod with fresh metrics during initialization period - CPU',
      pods: [
        {
          name: 'bentham',
          phase: 'Succeeded',
          ready: true,
          startTime: NOW - MINUTE,
          readyTransitionTime: NOW - 30 * SECOND,
          requests: {},
        },
      ],
      metrics: { bentham: sample(NOW, 30) },
      resource: 'cpu',
      ready: 1,
    },
    {
      name: 'unready a ready pod without fresh metrics during initialization period - CPU',
      pods: [
        {
          name: 'bentham',
          phase: 'Succeeded',
          ready: true,
          startTime: NOW - MINUTE,
          readyTransitionTime: NOW - 30 * SECOND,
          requests: {},
        },
      ],
      metrics: { bentham: sample(NOW, 60) },
      resource: 'cpu',
      ready: 0,
      unready: ['bentham'],
    },
    {
      name: 'unready an unready pod during initialization period - CPU',
      pods: [
        {
          name: 'lucretius',
          phase: 'Succeeded',
          ready: false,
          startTime: NOW - 10 * MINUTE,
          readyTransitionTime: NOW - 9 * MINUTE - 54 * SECOND,
          requests: {},
        },
      ],
      metrics: { lucretius: sample() },
      resource: 'cpu',
      ready: 0,
      unready: ['lucretius'],
    },
    {
      name: 'count in a ready pod without fresh metrics after initialization period - CPU',
      pods: [
        {
          name: 'bentham',
          phase: 'Succeeded',
          ready: true,
          startTime: NOW - 3 * MINUTE,
          readyTransitionTime: NOW - 3 * MINUTE,
          requests: {},
        },
      ],
      metrics: { bentham: sample(NOW - 2 * MINUTE, 60) },
      resource: 'cpu',
      ready: 1,
    },
    {
      name: 'count in an unready pod that was ready after initialization period - CPU',
      pods: [
        {
          name: 'lucretius',
          phase: 'Succeeded',
          ready: false,
          startTime: NOW - 10 * MINUTE,
          readyTransitionTime: NOW - 9 * MINUTE,
          requests: {},
        },
      ],
      metrics: { lucretius: sample() },
      resource: 'cpu',
      ready: 1,
    },
    {
      name: 'unready pod that has never been ready after initialization period - CPU',
      pods: [
        {
          name: 'lucretius',
          phase: 'Succeeded',
          ready: false,
          startTime: NOW - 10 * MINUTE,
          readyTransitionTime: NOW - 9 * MINUTE - 50 * SECOND,
          requests: {},
        },
      ],
      metrics: { lucretius: sample() },
      resource: 'cpu',
      ready: 1,
    },
    {
      name: 'a missing pod',
      pods: [
        {
          name: 'epicurus',
          phase: 'Succeeded',
          ready: false,
          startTime: NOW - 3 * MINUTE,
          requests: {},
        },
      ],
      metrics: {},
      resource: 'cpu',
      ready: 0,
      missing: ['epicurus'],
    },
    {
      name: 'several pods',
      pods: [
        {
          name: 'lucretius',
          phase: 'Succeeded',
          ready: false,
          startTime: NOW,
          requests: {},
        },
        {
          name: 'niccolo',
          phase: 'Succeeded',
          ready: true,
          startTime: NOW - 3 * MINUTE,
          readyTransitionTime: NOW - 3 * MINUTE,
          requests: {},
        },
        {
          name: 'epicurus',
          phase: 'Succeeded',
          ready: false,
          startTime: NOW - 3 * MINUTE,
          requests: {},
        },
      ],
      metrics: { lucretius: sample(), niccolo: sample() },
      resource: 'cpu',
      ready: 1,
      unready: ['lucretius'],
      missing: ['epicurus'],
    },
    {
      name: 'pending pods are unreadied',
      pods: [
        { name: 'unscheduled', phase: 'Pending', ready: false, requests: {} },
      ],
      metrics: {},
      resource: 'cpu',
      ready: 0,
      unready: ['unscheduled'],
    },
    {
      name: 'ignore pods with deletion timestamps',
      pods: [
        {
          name: 'deleted',
          phase: 'Pending',
          deleting: true,
          ready: false,
          requests: {},
        },
      ],
      metrics: { deleted: sample() },
      resource: 'cpu',
      ready: 0,
      ignored: ['deleted'],
    },
    {
      name: 'ignore pods in a failed state',
      pods: [{ name: 'failed', phase: 'Failed', ready: false, requests: {} }],
      metrics: { failed: sample() },
      resource: 'cpu',
      ready: 0,
      ignored: ['failed'],
    },
  ])('TestGroupPods: $name', testCase => {
    const groups = groupPods(
      testCase.pods,
      new Map(Object.entries(testCase.metrics)),
      testCase.resource,
      NOW,
      TIMING,
    );
    expect(groups).toEqual({
      readyPodCount: testCase.ready,
      unreadyPods: new Set(testCase.unready),
      missingPods: new Set(testCase.missing),
      ignoredPods: new Set(testCase.ignored),
    });
  });
});
