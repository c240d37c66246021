import {
  formatCount,
  formatMetricQuantity,
  formatMoney,
  formatNumber,
  formatQuantity,
} from './formatQuantity';

describe('formatMetricQuantity', () => {
  // The values the Scaling tab showed raw: `863079m of 1k`, `163625m of 800`, `1342m of 30`.
  it.each`
    quantity     | metric                                 | text
    ${'863079m'} | ${'http_requests_per_minute'}          | ${'863 /min'}
    ${'1k'}      | ${'http_requests_per_minute'}          | ${'1,000 /min'}
    ${'163625m'} | ${'marketplace_api_latency_ms'}        | ${'164 ms'}
    ${'800'}     | ${'marketplace_api_latency_ms'}        | ${'800 ms'}
    ${'1342m'}   | ${'queue_length'}                      | ${'1.34'}
    ${'30'}      | ${'queue_length'}                      | ${'30'}
    ${'500m'}    | ${'http_request_duration_p95_seconds'} | ${'500 ms'}
    ${'2500m'}   | ${'http_request_duration_p95_seconds'} | ${'2.5 s'}
    ${'12500m'}  | ${'orders_per_second'}                 | ${'12.5 /s'}
    ${'250m'}    | ${'cpu'}                               | ${'0.25 cores'}
    ${'1'}       | ${'cpu'}                               | ${'1 core'}
    ${'512Mi'}   | ${'memory'}                            | ${'512 MiB'}
    ${'1536Mi'}  | ${'memory'}                            | ${'1.5 GiB'}
    ${'2G'}      | ${'heap_used_bytes'}                   | ${'1.86 GiB'}
  `('shows $quantity of $metric as $text', ({ quantity, metric, text }) => {
    expect(formatMetricQuantity(quantity, metric)).toBe(text);
  });

  it('shows a quantity it cannot read as it came', () => {
    expect(formatMetricQuantity('5 widgets', 'queue_length')).toBe('5 widgets');
  });
});

describe('formatQuantity', () => {
  it.each`
    value      | unit           | currency     | text
    ${14.66}   | ${'money'}     | ${'USD'}     | ${'$14.66'}
    ${4156.2}  | ${'money'}     | ${'USD'}     | ${'$4,156'}
    ${12.5}    | ${'money'}     | ${'EUR'}     | ${'€12.50'}
    ${0.65}    | ${'fraction'}  | ${undefined} | ${'65 %'}
    ${0.475}   | ${'fraction'}  | ${undefined} | ${'47.5 %'}
    ${70}      | ${'percent'}   | ${undefined} | ${'70 %'}
    ${0.285}   | ${'cores'}     | ${undefined} | ${'0.29 cores'}
    ${1.5}     | ${'gibibytes'} | ${undefined} | ${'1.5 GiB'}
    ${720}     | ${'hours'}     | ${undefined} | ${'720 h'}
    ${3}       | ${'count'}     | ${undefined} | ${'3'}
    ${2.75}    | ${'count'}     | ${undefined} | ${'2.75'}
    ${1234567} | ${'count'}     | ${undefined} | ${'1,234,567'}
  `('shows $value in $unit as $text', ({ value, unit, currency, text }) => {
    expect(formatQuantity(value, unit, currency)).toBe(text);
  });
});

describe('formatNumber', () => {
  it('keeps the decimals that matter at the number’s size', () => {
    expect(formatNumber(863.079)).toBe('863');
    expect(formatNumber(42.46)).toBe('42.5');
    expect(formatNumber(1.342)).toBe('1.34');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-12.34)).toBe('-12.3');
  });
});

describe('formatMoney', () => {
  it('shows cents below 1,000 and whole units above', () => {
    expect(formatMoney(999.994, 'USD')).toBe('$999.99');
    expect(formatMoney(1000.4, 'USD')).toBe('$1,000');
    expect(formatMoney(-12.4, 'USD')).toBe('-$12.40');
  });
});

describe('formatCount', () => {
  it('names one in the singular and any other count in the plural', () => {
    expect(formatCount(1, 'replica')).toBe('1 replica');
    expect(formatCount(0, 'replica')).toBe('0 replicas');
    expect(formatCount(3, 'replica')).toBe('3 replicas');
    expect(formatCount(1200, 'pod')).toBe('1,200 pods');
    expect(formatCount(2, 'day')).toBe('2 days');
  });
});
