import {
  formatCost,
  formatCostDifference,
  formatCostWindow,
  formatFigureName,
  formatMonth,
  formatPercent,
  lastCompleteDays,
} from './costFormat';

describe('cost formatting', () => {
  it('shows cents below a thousand and whole units above', () => {
    expect(formatCost(0.424, 'USD')).toBe('$0.42');
    expect(formatCost(999.994, 'USD')).toBe('$999.99');
    expect(formatCost(1234.5, 'USD')).toBe('$1,235');
    expect(formatCost(1234.5, 'EUR')).toBe('€1,235');
    expect(formatCost(-12.5, 'USD')).toBe('-$12.50');
  });

  it('signs a change and gives its ratio when there is one', () => {
    expect(formatCostDifference(12.4, 0.0512, 'USD')).toBe('+$12.40 (+5.1 %)');
    expect(formatCostDifference(-3, -0.25, 'USD')).toBe('-$3.00 (-25.0 %)');
    expect(formatCostDifference(40, null, 'USD')).toBe('+$40.00');
    expect(formatPercent(null)).toBe('n/a');
  });

  it('names a window by its first and last day, its end being exclusive', () => {
    expect(formatCostWindow({ start: '2026-10-28', end: '2026-11-27' })).toBe(
      '28 Oct 2026 – 26 Nov 2026 (30 days)',
    );
    expect(formatCostWindow({ start: '2026-11-26', end: '2026-11-27' })).toBe(
      '26 Nov 2026 – 26 Nov 2026 (1 day)',
    );
    expect(formatMonth('2026-02')).toBe('Feb 2026');
    expect(formatMonth('2026-09')).toBe('Sep 2026');
  });

  it('counts complete UTC days back from today, today excluded', () => {
    expect(lastCompleteDays(30, new Date('2026-11-27T01:30:00Z'))).toEqual({
      start: '2026-10-28',
      end: '2026-11-27',
    });
    expect(lastCompleteDays(365, new Date('2026-03-01T23:59:00Z'))).toEqual({
      start: '2025-03-01',
      end: '2026-03-01',
    });
  });

  it('names a recommendation’s figures in words, keeping units and acronyms', () => {
    expect(formatFigureName('cpuUsageP95ShareOfRequest')).toBe(
      'CPU usage p95 share of request',
    );
    expect(formatFigureName('memoryRequestPerReplicaGiB')).toBe(
      'Memory request per replica GiB',
    );
    expect(formatFigureName('minReplicas')).toBe('Min replicas');
    expect(formatFigureName('tier')).toBe('Tier');
  });
});
