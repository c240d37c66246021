import { formatMetricValue, parseQuantity, quantityOrZero } from './quantity';

describe('parseQuantity', () => {
  it.each`
    quantity        | value
    ${'250m'}       | ${0.25}
    ${'512Mi'}      | ${536870912}
    ${'2G'}         | ${2e9}
    ${'1e3'}        | ${1000}
    ${'123456789n'} | ${0.123456789}
    ${4}            | ${4}
  `('reads $quantity as $value', ({ quantity, value }) => {
    expect(parseQuantity(quantity)).toBeCloseTo(value, 12);
  });

  it.each([undefined, '', '5 cores', '1.2.3', '10x'])(
    'reads %p as NaN, and quantityOrZero as 0',
    quantity => {
      expect(parseQuantity(quantity)).toBeNaN();
      expect(quantityOrZero(quantity)).toBe(0);
    },
  );

  it('reads back the metric values it writes', () => {
    expect(formatMetricValue(863.079)).toBe('863079m');
    expect(parseQuantity(formatMetricValue(863.079))).toBeCloseTo(863.079, 9);
  });
});
