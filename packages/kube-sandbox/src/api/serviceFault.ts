import type { ServiceFault } from '../load';
import { statusErrors } from '../status';

/**
 * The body of `POST /_sandbox/clusters/<cluster>/services/<service>/fault`:
 * `{ errorRatio?, latencyFactor? }` injects a fault, `{}` or `{ mode: 'none' }` clears it.
 * Returns `undefined` for a clear; throws a 400 naming the field otherwise.
 */
export function parseServiceFault(
  body: Record<string, unknown>,
): ServiceFault | undefined {
  const { mode, errorRatio, latencyFactor, ...rest } = body;
  const unknown = Object.keys(rest);
  if (unknown.length > 0)
    throw statusErrors.badRequest(
      `unknown field ${unknown
        .map(key => `"${key}"`)
        .join(', ')}: expected errorRatio, latencyFactor or mode`,
    );
  if (mode !== undefined) {
    if (mode !== 'none')
      throw statusErrors.badRequest(
        `mode must be "none" (to clear the fault), got ${JSON.stringify(mode)}`,
      );
    if (errorRatio !== undefined || latencyFactor !== undefined)
      throw statusErrors.badRequest(
        'mode "none" clears the fault and takes no errorRatio or latencyFactor',
      );
    return undefined;
  }
  if (
    errorRatio !== undefined &&
    !(typeof errorRatio === 'number' && errorRatio >= 0 && errorRatio <= 1)
  )
    throw statusErrors.badRequest(
      `errorRatio must be a number from 0 to 1, got ${JSON.stringify(
        errorRatio,
      )}`,
    );
  if (
    latencyFactor !== undefined &&
    !(
      typeof latencyFactor === 'number' &&
      latencyFactor >= 1 &&
      Number.isFinite(latencyFactor)
    )
  )
    throw statusErrors.badRequest(
      `latencyFactor must be a number of at least 1, got ${JSON.stringify(
        latencyFactor,
      )}`,
    );
  if (errorRatio === undefined && latencyFactor === undefined) return undefined;
  return {
    ...(errorRatio !== undefined ? { errorRatio } : {}),
    ...(latencyFactor !== undefined ? { latencyFactor } : {}),
  };
}
