/**
 * Why a metric yielded no replica proposal. Thrown inside the calculation and
 * turned into an invalid metric (status condition and message) by the
 * autoscaler, the way upstream returns an `error`.
 */
export class HpaMetricError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HpaMetricError';
  }
}
