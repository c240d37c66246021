import { renderInTestApp } from '@backstage/test-utils';
import { AutoscalerMetricState } from '@meschain/backstage-plugin-scaling-common';
import { screen } from '@testing-library/react';
import { MetricUtilization } from './MetricUtilization';

// The metrics as the HPA's status reports them: Kubernetes quantities.
const metrics: Array<[AutoscalerMetricState, string]> = [
  [
    {
      type: 'Pods',
      name: 'http_requests_per_minute',
      target: { type: 'AverageValue', averageValue: '1k' },
      current: { averageValue: '863079m' },
    },
    'http_requests_per_minute: 863 /min of 1,000 /min target',
  ],
  [
    {
      type: 'External',
      name: 'marketplace_api_latency_ms',
      target: { type: 'Value', value: '800' },
      current: { value: '163625m' },
    },
    'marketplace_api_latency_ms: 164 ms of 800 ms target',
  ],
  [
    {
      type: 'External',
      name: 'queue_length',
      target: { type: 'AverageValue', averageValue: '30' },
      current: { averageValue: '1342m' },
    },
    'queue_length: 1.34 of 30 target',
  ],
  [
    {
      type: 'Object',
      name: 'http_request_duration_p95_seconds',
      target: { type: 'Value', value: '500m' },
    },
    'http_request_duration_p95_seconds: — of 500 ms target',
  ],
  [
    {
      type: 'Resource',
      name: 'cpu',
      target: { type: 'Utilization', averageUtilization: 70 },
      current: { averageUtilization: 45 },
    },
    'cpu: 45 % of 70 % target',
  ],
];

describe('MetricUtilization', () => {
  it.each(metrics.map(([metric, text]) => ({ metric, text })))(
    'shows $text',
    async ({ metric, text }) => {
      await renderInTestApp(<MetricUtilization metric={metric} />);
      expect(screen.getByText(text)).toBeInTheDocument();
    },
  );

  it('draws the bar from the parsed quantities: 863.079 of 1,000', async () => {
    await renderInTestApp(<MetricUtilization metric={metrics[0][0]} />);
    expect(screen.getByRole('img', { name: metrics[0][1] })).toContainElement(
      screen.getByTitle('86.31%'),
    );
  });
});
