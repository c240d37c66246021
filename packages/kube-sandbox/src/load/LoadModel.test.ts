import type { ServiceSpec } from '../cluster/types';
import { incidentAt } from './incidents';
import { LoadModel } from './LoadModel';

const ORDER: ServiceSpec = {
  name: 'order-service',
  image: 'meschain/order-service:1.9.3',
  replicas: 3,
  strategy: 'canary',
  scaling: 'requests',
  resources: {
    requests: { cpu: '400m', memory: '512Mi' },
    limits: { cpu: '800m', memory: '1Gi' },
  },
  load: { peakRps: 120, baseRps: 30, incidentRate: 0 },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2025, 0, 6);

function model(
  options: Partial<ConstructorParameters<typeof LoadModel>[0]> = {},
) {
  return new LoadModel({
    seed: 1,
    cluster: 'us-east',
    region: 'us-east',
    services: [ORDER],
    ...options,
  });
}

describe('LoadModel', () => {
  it('is a pure function of seed, service and time', () => {
    const times = [MONDAY + 5 * HOUR, MONDAY + 17.25 * HOUR, MONDAY + 3 * DAY];
    const a = model();
    const b = model();
    for (const at of [...times].reverse()) b.serviceLoad('order-service', at);
    expect(times.map(at => a.serviceLoad('order-service', at))).toEqual(
      times.map(at => b.serviceLoad('order-service', at)),
    );
    expect(
      model({ seed: 2 }).serviceLoad('order-service', times[0]),
    ).not.toEqual(a.serviceLoad('order-service', times[0]));
  });

  it("follows the day in the region's local time: peak at 15:00, trough at 03:00", () => {
    const flat = model({ overrides: { noise: 0 } });
    // us-east is UTC−5: 15:00 local is 20:00 UTC, 03:00 local is 08:00 UTC.
    expect(
      flat.serviceLoad('order-service', MONDAY + 20 * HOUR).requestsPerSecond,
    ).toBeCloseTo(120, 6);
    expect(
      flat.serviceLoad('order-service', MONDAY + 8 * HOUR).requestsPerSecond,
    ).toBeCloseTo(30, 6);
    const tokyo = new LoadModel({
      seed: 1,
      cluster: 'ap-northeast',
      region: 'ap-northeast',
      services: [ORDER],
      overrides: { noise: 0 },
    });
    // ap-northeast is UTC+9: 15:00 local is 06:00 UTC.
    expect(
      tokyo.serviceLoad('order-service', MONDAY + 6 * HOUR).requestsPerSecond,
    ).toBeCloseTo(120, 6);
  });

  it('adds slow noise within its amplitude', () => {
    const noisy = model({ overrides: { noise: 0.08 } });
    const flat = model({ overrides: { noise: 0 } });
    let differs = false;
    for (let at = MONDAY; at < MONDAY + DAY; at += 7 * 60_000) {
      const ratio =
        noisy.serviceLoad('order-service', at).requestsPerSecond /
        flat.serviceLoad('order-service', at).requestsPerSecond;
      expect(Math.abs(ratio - 1)).toBeLessThanOrEqual(0.08 + 1e-9);
      differs ||= Math.abs(ratio - 1) > 0.01;
    }
    expect(differs).toBe(true);
  });

  it('has occasional incidents at about the configured rate, surging traffic while they last', () => {
    // Incidents last at least 10 minutes, so sampling every 10 minutes sees each of them.
    const starts = new Set<number>();
    for (let at = MONDAY; at < MONDAY + 60 * DAY; at += 10 * 60_000) {
      const incident = incidentAt(1, 'us-east/order-service', 2, at);
      if (incident) starts.add(incident.start);
    }
    // 2 a day over 60 days: 120 expected, with a standard deviation of about 10.5.
    expect(starts.size).toBeGreaterThan(85);
    expect(starts.size).toBeLessThan(155);

    const surging = model({
      services: [{ ...ORDER, load: { ...ORDER.load!, incidentRate: 24 } }],
      overrides: { noise: 0 },
    });
    const calm = model({ overrides: { noise: 0 } });
    // With 24 a day, every hour has one; find the first minute inside one.
    let at = MONDAY + 20 * HOUR;
    while (!surging.serviceLoad('order-service', at).incident) at += 60_000;
    const { incident, requestsPerSecond } = surging.serviceLoad(
      'order-service',
      at,
    );
    expect(incident!.trafficFactor).toBeGreaterThanOrEqual(1.6);
    expect(requestsPerSecond).toBeCloseTo(
      calm.serviceLoad('order-service', at).requestsPerSecond *
        incident!.trafficFactor,
      6,
    );
  });

  it("splits a service's traffic over its ready pods and turns it into usage", () => {
    const flat = model({ overrides: { noise: 0, podImbalance: 0 } });
    const at = MONDAY + 20 * HOUR; // peak: 120 rps
    const usage = (readyPods: number) =>
      flat.podUsage({
        service: 'order-service',
        podName: 'order-1',
        ready: true,
        readyPods,
        at,
      });
    expect(usage(3).requestsPerSecond).toBeCloseTo(40, 6);
    // Calibrated: the fleet's 3 replicas run at 85 % of their 400m request at the daily peak.
    expect(usage(3).cpuCores).toBeCloseTo(0.34, 6);
    expect(usage(6).cpuCores).toBeLessThan(usage(3).cpuCores);
    expect(usage(6).p95LatencyMs).toBeLessThan(usage(3).p95LatencyMs);
    expect(usage(6).queueLength).toBeLessThan(usage(3).queueLength);
    const idle = flat.podUsage({
      service: 'order-service',
      podName: 'order-9',
      ready: false,
      readyPods: 3,
      at,
    });
    expect(idle).toMatchObject({ requestsPerSecond: 0, queueLength: 0 });
    expect(idle.cpuCores).toBeCloseTo(0.04, 6);
  });

  it("applies surges and a DR region's traffic share", () => {
    const flat = model({ overrides: { noise: 0 } });
    const at = MONDAY + 20 * HOUR;
    flat.addSurge({
      service: 'order-service',
      start: at - HOUR,
      end: at + HOUR,
      factor: 3,
    });
    expect(flat.serviceLoad('order-service', at).requestsPerSecond).toBeCloseTo(
      360,
      6,
    );
    expect(
      flat.serviceLoad('order-service', at + 2 * HOUR).requestsPerSecond,
    ).toBeLessThan(130);
    const standby = model({ trafficShare: 0.05, overrides: { noise: 0 } });
    expect(
      standby.serviceLoad('order-service', at).requestsPerSecond,
    ).toBeCloseTo(6, 6);
  });

  it('holds a service at a scripted rate, whatever the curve, noise or surges say, until released', () => {
    const noisy = model({ trafficShare: 0.5 });
    const at = MONDAY + 20 * HOUR;
    noisy.addSurge({
      service: 'order-service',
      start: at - HOUR,
      end: at + HOUR,
      factor: 3,
    });
    const modelled = noisy.serviceLoad('order-service', at + 30_000);
    noisy.holdRate({
      service: 'order-service',
      start: at,
      requestsPerSecond: 90,
    });
    noisy.holdRate({
      service: 'order-service',
      start: at + 10_000,
      requestsPerSecond: 0,
    });
    noisy.holdRate({ service: 'order-service', start: at + 20_000 });
    const rate = (offset: number) =>
      noisy.serviceLoad('order-service', at + offset).requestsPerSecond;

    expect(rate(-1)).not.toBe(90);
    expect([rate(0), rate(9_999), rate(10_000)]).toEqual([90, 90, 0]);
    expect(rate(30_000)).toBe(modelled.requestsPerSecond);
    // Each pod serves its share of the held rate (±5 % of load-balancer imbalance).
    const share = noisy.podUsage({
      service: 'order-service',
      podName: 'order-1',
      ready: true,
      readyPods: 3,
      at: at + 5_000,
    }).requestsPerSecond;
    expect(share).toBeGreaterThanOrEqual(28.5);
    expect(share).toBeLessThanOrEqual(31.5);
  });

  it('fails and slows a faulted service from the fault on, leaving its traffic and past alone', () => {
    const faulted = model();
    const healthy = model();
    const at = MONDAY + 20 * HOUR;
    const usage = (of: LoadModel, offset: number) =>
      of.podUsage({
        service: 'order-service',
        podName: 'order-1',
        ready: true,
        readyPods: 3,
        at: at + offset,
      });
    faulted.setFault('order-service', at, { errorRatio: 0.3 });
    faulted.setFault('order-service', at + 10_000, { latencyFactor: 4 });
    faulted.setFault('order-service', at + 20_000, undefined);

    expect(usage(faulted, -1)).toEqual(usage(healthy, -1));
    const failing = usage(faulted, 5_000);
    const before = usage(healthy, 5_000);
    expect(failing.requestsPerSecond).toBe(before.requestsPerSecond);
    expect(failing.errorRatio).toBeCloseTo(
      1 - (1 - before.errorRatio) * 0.7,
      9,
    );
    expect(failing.p95LatencyMs).toBe(before.p95LatencyMs);

    const slow = usage(faulted, 15_000);
    const normal = usage(healthy, 15_000);
    expect(slow.errorRatio).toBe(normal.errorRatio);
    expect(slow.p95LatencyMs).toBeCloseTo(normal.p95LatencyMs * 4, 6);
    // Requests held four times as long hold their database connections as long.
    expect(slow.dbConnections).toBeGreaterThan(normal.dbConnections);

    expect(usage(faulted, 25_000)).toEqual(usage(healthy, 25_000));
    expect(faulted.faultAt('order-service', at + 15_000)).toEqual({
      latencyFactor: 4,
    });
    expect(faulted.faultsAt(at + 25_000).size).toBe(0);
  });
});
