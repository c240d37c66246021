const cents = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const wholeUnits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A positive amount in US dollars as a user reads it: cents below $1,000,
 * whole dollars with thousands separators above. Worked out here, not with
 * the product's own formatter, so that the browser tests check it.
 */
export function dollars(amount: number): string {
  return `$${(amount < 1000 ? cents : wholeUnits).format(amount)}`;
}
