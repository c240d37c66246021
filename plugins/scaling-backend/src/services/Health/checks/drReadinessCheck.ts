import {
  HealthCheck,
  ServiceDrReadiness,
} from '@meschain/backstage-plugin-scaling-common';
import { HealthStatus } from './types';

const STATUS: Record<ServiceDrReadiness['verdict'], HealthStatus> = {
  pass: 'pass',
  fail: 'fail',
  unknown: 'warn',
};

/** Whether the service could fail over from one of its primary regions, as the Regions view judges it. */
export function drReadinessCheck(
  readiness: ServiceDrReadiness,
  checkedAt: string,
): HealthCheck {
  const partner = readiness.partnerRegion ?? 'no DR region';
  const open = readiness.checks.filter(check => check.verdict !== 'pass');
  const verdictText = {
    pass: 'can fail over',
    fail: 'cannot fail over',
    unknown: 'may not fail over',
  }[readiness.verdict];
  return {
    id: 'dr-readiness',
    title: 'DR readiness',
    region: readiness.primaryRegion,
    status: STATUS[readiness.verdict],
    summary: `${readiness.primaryRegion} ${verdictText} to ${partner}${
      open.length > 0 ? `: ${open.map(check => check.summary).join('; ')}` : ''
    }`,
    figures: {
      ...(readiness.partnerRegion && {
        partnerRegion: readiness.partnerRegion,
      }),
      ...Object.fromEntries(
        readiness.checks.map(check => [check.id, check.verdict]),
      ),
    },
    checkedAt,
  };
}
