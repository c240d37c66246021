/**
 * Kubernetes resource quantities ('250m', '512Mi', '1.5', '1e3').
 *
 * The HPA controller does all of its arithmetic on integer milli-values
 * (`Quantity.MilliValue()`), so this module converts quantities to exact
 * milli-values and formats milli-values back the way the API server prints them.
 */

/**
 * @public
 * A Kubernetes quantity: a string such as `'250m'` or `'512Mi'`, or a plain
 * number in the quantity's base unit (cores, bytes, requests per second...).
 */
export type Quantity = string | number;

const QUANTITY_PATTERN =
  /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

const DECIMAL_SUFFIX_EXPONENTS: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

const BINARY_SUFFIX_EXPONENTS: Record<string, number> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

const DECIMAL_EXPONENT_SUFFIXES: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};

/** A quantity as an exact rational: sign × digits × 10^powerOfTen × 2^powerOfTwo. */
interface ExactQuantity {
  negative: boolean;
  digits: bigint;
  powerOfTen: number;
  powerOfTwo: number;
}

function parseExact(quantity: Quantity): ExactQuantity {
  const text =
    typeof quantity === 'number' ? String(quantity) : quantity.trim();
  const match = QUANTITY_PATTERN.exec(text);
  const integerPart = match?.[2] ?? '';
  const fractionPart = match?.[3] ?? '';
  if (!match || (integerPart === '' && fractionPart === '')) {
    throw new Error(`invalid quantity '${String(quantity)}'`);
  }
  const [, sign, , , exponent, suffix] = match;
  return {
    negative: sign === '-',
    digits: BigInt(`${integerPart}${fractionPart}` || '0'),
    powerOfTen:
      Number(exponent ?? 0) +
      (suffix ? DECIMAL_SUFFIX_EXPONENTS[suffix] ?? 0 : 0) -
      fractionPart.length,
    powerOfTwo: suffix ? BINARY_SUFFIX_EXPONENTS[suffix] ?? 0 : 0,
  };
}

/**
 * @public
 * The value of a quantity in its base unit, e.g. `0.25` for `'250m'` and
 * `536870912` for `'512Mi'`.
 */
export function parseQuantity(quantity: Quantity): number {
  if (typeof quantity === 'number') {
    return quantity;
  }
  const { negative, digits, powerOfTen, powerOfTwo } = parseExact(quantity);
  // Dividing by an exact power of ten keeps '1.1' at 1.1 rather than 1.1000000000000001.
  const decimal =
    powerOfTen >= 0
      ? Number(digits) * 10 ** powerOfTen
      : Number(digits) / 10 ** -powerOfTen;
  const magnitude = decimal * 2 ** powerOfTwo;
  return negative ? -magnitude : magnitude;
}

/** @public The largest int64, where upstream's milli-values and their sums saturate. */
export const MAX_INT64 = 2n ** 63n - 1n;
const MIN_INT64 = -(2n ** 63n);

/** Clamps an exact value to the int64 range, as upstream saturates what it cannot represent. */
export function saturateInt64(value: bigint): bigint {
  if (value > MAX_INT64) return MAX_INT64;
  return value < MIN_INT64 ? MIN_INT64 : value;
}

/** `a + b`, held at MaxInt64 (or MinInt64) instead of wrapping, as upstream caps its sums. */
export function addCapped(a: bigint, b: bigint): bigint {
  return saturateInt64(a + b);
}

/**
 * @public
 * The quantity in thousandths of its base unit, exactly (upstream
 * `Quantity.MilliValue()`): anything finer than a milli-unit is rounded up,
 * away from zero, so `'1n'` becomes 1; a value beyond int64 saturates at
 * MaxInt64. Exact beyond 2^53, where a number would round.
 */
export function quantityToMilliValue(quantity: Quantity): bigint {
  const { negative, digits, powerOfTen, powerOfTwo } = parseExact(quantity);
  const milliPower = powerOfTen + 3;
  const numerator = digits * 2n ** BigInt(powerOfTwo);
  let milli: bigint;
  if (milliPower >= 0) {
    milli = numerator * 10n ** BigInt(milliPower);
  } else {
    const denominator = 10n ** BigInt(-milliPower);
    milli = (numerator + denominator - 1n) / denominator;
  }
  return saturateInt64(negative ? -milli : milli);
}

/**
 * @public
 * {@link quantityToMilliValue} as a number, for figures shown to people:
 * exact up to 2^53.
 */
export function quantityToMilli(quantity: Quantity): number {
  return Number(quantityToMilliValue(quantity));
}

/**
 * @public
 * Formats an integer milli-value the way the API server prints a decimal-SI
 * quantity (`resource.NewMilliQuantity(v, DecimalSI).String()`): the shortest
 * form whose exponent is a multiple of three, e.g. `'1500m'`, `'2867'`, `'1k'`.
 */
export function formatMilliQuantity(milliValue: number | bigint): string {
  let mantissa =
    typeof milliValue === 'bigint' ? milliValue : BigInt(Math.ceil(milliValue));
  const negative = mantissa < 0n;
  if (negative) mantissa = -mantissa;
  if (mantissa === 0n) {
    return '0';
  }
  let exponent = -3;
  while (mantissa % 10n === 0n && exponent < 18) {
    mantissa /= 10n;
    exponent += 1;
  }
  const excess = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(excess);
  exponent -= excess;
  const sign = negative ? '-' : '';
  return `${sign}${mantissa}${DECIMAL_EXPONENT_SUFFIXES[exponent]}`;
}

/**
 * @public
 * Converts an amount from `ResourceAmounts` to an exact milli-value. A number
 * is in millicores for CPU and in base units for every other resource; a
 * string is a quantity, e.g. `'250m'` or `'9223372036854775807m'`.
 */
export function resourceAmountToMilli(
  resourceName: string,
  amount: number | string,
): bigint {
  if (typeof amount === 'string') {
    return quantityToMilliValue(amount);
  }
  return resourceName === 'cpu'
    ? saturateInt64(BigInt(Math.ceil(amount)))
    : quantityToMilliValue(amount);
}
