import { unitOfFigure, unitOfMetric } from './quantityUnits';

describe('unitOfMetric', () => {
  it.each`
    name                                   | unit
    ${'cpu'}                               | ${'cores'}
    ${'memory'}                            | ${'bytes'}
    ${'http_requests_per_minute'}          | ${'perMinute'}
    ${'orders_per_second'}                 | ${'perSecond'}
    ${'marketplace_api_latency_ms'}        | ${'milliseconds'}
    ${'http_request_duration_p95_seconds'} | ${'seconds'}
    ${'heap_used_bytes'}                   | ${'bytes'}
    ${'queue_length'}                      | ${'count'}
    ${'db_connections'}                    | ${'count'}
    ${'items'}                             | ${'count'}
  `('reads $name as $unit', ({ name, unit }) => {
    expect(unitOfMetric(name)).toBe(unit);
  });

  it('does not take a word inside the name for its suffix', () => {
    expect(unitOfMetric('ms_queue_depth')).toBe('count');
    expect(unitOfMetric('seconds_behind_master_total')).toBe('count');
  });
});

describe('unitOfFigure', () => {
  it.each`
    name                            | unit
    ${'monthlyComputeCost'}         | ${'money'}
    ${'cpuMonthlyCost'}             | ${'money'}
    ${'replicaHourlyCost'}          | ${'money'}
    ${'spotDiscount'}               | ${'fraction'}
    ${'reservedDiscount'}           | ${'fraction'}
    ${'committedShare'}             | ${'fraction'}
    ${'cpuUsageP95ShareOfRequest'}  | ${'fraction'}
    ${'cpuRequestShare'}            | ${'fraction'}
    ${'headroom'}                   | ${'fraction'}
    ${'cpuTargetUtilization'}       | ${'percent'}
    ${'quietCpuUsageP95Cores'}      | ${'cores'}
    ${'cpuRequestPerReplicaCores'}  | ${'cores'}
    ${'memoryRequestPerReplicaGiB'} | ${'gibibytes'}
    ${'hours'}                      | ${'hours'}
    ${'quietHoursPerDay'}           | ${'hours'}
    ${'replicas'}                   | ${'count'}
    ${'meanReplicas'}               | ${'count'}
    ${'minReplicas'}                | ${'count'}
  `('reads $name as $unit', ({ name, unit }) => {
    expect(unitOfFigure(name)).toBe(unit);
  });
});
