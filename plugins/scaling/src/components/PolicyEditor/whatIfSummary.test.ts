import type {
  PolicyReplay,
  PolicySimulation,
} from '@meschain/backstage-plugin-scaling-common';
import { whatIfSummary } from './whatIfSummary';

function replay(minutesAboveTarget: number, perMonth?: number): PolicyReplay {
  return {
    replicas: [],
    scaleEvents: [],
    minutesAboveTarget,
    minutesAboveSlo: 0,
    replicaHours: 0,
    peakUtilization: 0,
    minutes: 7 * 24 * 60,
    ...(perMonth !== undefined && {
      cost: { total: perMonth / 4, perMonth, currency: 'USD' },
    }),
  };
}

function simulation(
  candidate: PolicyReplay,
  current?: PolicyReplay,
): PolicySimulation {
  return {
    region: 'eu-west',
    source: 'prometheus',
    stepSeconds: 60,
    start: new Date('2026-12-01T00:00:00Z'),
    end: new Date('2026-12-08T00:00:00Z'),
    podStartupSeconds: 30,
    candidate,
    ...(current && { current }),
  };
}

describe('whatIfSummary', () => {
  it('compares time above target and says what the candidate saves', () => {
    expect(whatIfSummary(simulation(replay(186, 790), replay(24, 1000)))).toBe(
      'The candidate would have run 3.1 h above target instead of 0.4 h and saved $210/month.',
    );
  });

  it('says what the candidate costs more', () => {
    expect(whatIfSummary(simulation(replay(0, 1300), replay(60, 1000)))).toBe(
      'The candidate would have run 0.0 h above target instead of 1.0 h and cost $300/month more.',
    );
  });

  it('reports the candidate alone when no live policy was replayed', () => {
    expect(whatIfSummary(simulation(replay(90, 420)))).toBe(
      'The candidate would have run 1.5 h above target and cost $420/month.',
    );
  });

  it('leaves cost out without the region’s prices', () => {
    expect(whatIfSummary(simulation(replay(30), replay(30)))).toBe(
      'The candidate would have run 0.5 h above target instead of 0.5 h.',
    );
  });
});
