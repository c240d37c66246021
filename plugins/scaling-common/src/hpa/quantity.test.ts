import {
  formatMilliQuantity,
  MAX_INT64,
  parseQuantity,
  quantityToMilli,
  quantityToMilliValue,
  resourceAmountToMilli,
} from './quantity';

describe('parseQuantity', () => {
  it.each`
    quantity   | value
    ${'250m'}  | ${0.25}
    ${'1.5'}   | ${1.5}
    ${'1.1'}   | ${1.1}
    ${'512Mi'} | ${536870912}
    ${'2Gi'}   | ${2147483648}
    ${'1k'}    | ${1000}
    ${'1e3'}   | ${1000}
    ${'1E3'}   | ${1000}
    ${'2E'}    | ${2e18}
    ${'.5'}    | ${0.5}
    ${'-3'}    | ${-3}
    ${'100u'}  | ${0.0001}
    ${7}       | ${7}
  `('reads $quantity as $value', ({ quantity, value }) => {
    expect(parseQuantity(quantity)).toBeCloseTo(value, 12);
  });

  it.each(['', 'abc', '1.2.3', '5 cores', 'm'])('rejects %p', quantity => {
    expect(() => parseQuantity(quantity)).toThrow(/invalid quantity/);
  });
});

describe('quantityToMilli', () => {
  it.each`
    quantity   | milli
    ${'250m'}  | ${250}
    ${'1.0'}   | ${1000}
    ${'0.9'}   | ${900}
    ${'1.1'}   | ${1100}
    ${'15.0'}  | ${15000}
    ${'512Mi'} | ${536870912000}
    ${'1n'}    | ${1}
    ${'1500u'} | ${2}
    ${8.6}     | ${8600}
    ${0.1}     | ${100}
    ${'-1n'}   | ${-1}
  `(
    'converts $quantity to $milli milli-units, rounding up',
    ({ quantity, milli }) => {
      expect(quantityToMilli(quantity)).toBe(milli);
    },
  );
});

describe('formatMilliQuantity', () => {
  it.each`
    milli         | text
    ${0}          | ${'0'}
    ${600}        | ${'600m'}
    ${1500}       | ${'1500m'}
    ${20666}      | ${'20666m'}
    ${2867000}    | ${'2867'}
    ${20000}      | ${'20'}
    ${1000000}    | ${'1k'}
    ${1500000000} | ${'1500k'}
    ${-2500}      | ${'-2500m'}
  `('prints $milli milli-units as $text', ({ milli, text }) => {
    expect(formatMilliQuantity(milli)).toBe(text);
  });

  it('round-trips through quantityToMilli', () => {
    for (const milli of [1, 999, 1000, 123456, 7000000]) {
      expect(quantityToMilli(formatMilliQuantity(milli))).toBe(milli);
    }
  });
});

describe('quantityToMilliValue', () => {
  it.each`
    quantity                  | milli
    ${'9007199254740993m'}    | ${9007199254740993n}
    ${'9007199254740.993'}    | ${9007199254740993n}
    ${'9223372036854775807m'} | ${MAX_INT64}
    ${'8Ei'}                  | ${MAX_INT64}
    ${'10E'}                  | ${MAX_INT64}
    ${'1n'}                   | ${1n}
    ${'-1.5m'}                | ${-2n}
  `(
    'converts $quantity to $milli exactly, saturating at int64',
    ({ quantity, milli }) => {
      expect(quantityToMilliValue(quantity)).toBe(milli);
    },
  );
});

describe('resourceAmountToMilli', () => {
  it('reads numbers as millicores for cpu and base units otherwise', () => {
    expect(resourceAmountToMilli('cpu', 250)).toBe(250n);
    expect(resourceAmountToMilli('memory', 1024)).toBe(1024000n);
  });

  it('reads strings as exact quantities', () => {
    expect(resourceAmountToMilli('cpu', '9007199254740993m')).toBe(
      9007199254740993n,
    );
  });
});

describe('formatMilliQuantity with exact values', () => {
  it('prints a milli-value beyond 2^53 to the last digit', () => {
    expect(formatMilliQuantity(9007199254740993n)).toBe('9007199254740993m');
    expect(formatMilliQuantity(MAX_INT64)).toBe('9223372036854775807m');
    expect(formatMilliQuantity(9007199254740993000n)).toBe('9007199254740993');
  });
});
