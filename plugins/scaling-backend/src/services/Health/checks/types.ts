import { HealthCheck } from '@meschain/backstage-plugin-scaling-common';

export type HealthStatus = HealthCheck['status'];

/** The worse of two statuses. */
export function worse(a: HealthStatus, b: HealthStatus): HealthStatus {
  const rank: Record<HealthStatus, number> = { pass: 0, warn: 1, fail: 2 };
  return rank[a] >= rank[b] ? a : b;
}

/** A check that could not be made: its status is unknown, so it asks to be looked at. */
export function unreadCheck(
  check: Pick<HealthCheck, 'id' | 'title' | 'region'>,
  reason: string,
  checkedAt: string,
): HealthCheck {
  return {
    ...check,
    status: 'warn',
    summary: `Could not be checked: ${reason}`,
    figures: {},
    checkedAt,
  };
}
