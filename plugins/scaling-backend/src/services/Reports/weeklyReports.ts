import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { toError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  REPORT_KINDS,
  WEEKLY_REPORTS_TASK,
} from '@meschain/backstage-plugin-scaling-common';
import { ReportsService } from './createReportsService';
import { previousWeek } from './periods';
import { readOwningTeams } from './reportScope';

/** The scheduler's id of the task; the same on every replica, so that its lock makes it run once. */
export const WEEKLY_REPORTS_TASK_ID = 'scaling-weekly-reports';

/** Mondays at 06:00 UTC, for the week that has just ended. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { cron: '0 6 * * 1' },
  timeout: { minutes: 30 },
};

/** The portal's page of a team's reports, which the notification links to. */
export function teamReportsUrl(
  portalBaseUrl: string,
  team: string,
  reportId: string,
): string {
  const query = new URLSearchParams({ team, report: reportId });
  return `${portalBaseUrl}/scaling/reports?${query}`;
}

export function readWeeklyReportsSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const cron = config.getOptionalString('scaling.reports.weekly.cron');
  return cron ? { ...DEFAULT_SCHEDULE, frequency: { cron } } : DEFAULT_SCHEDULE;
}

/**
 * Makes each team's reports of the week before, and sends the team one
 * notification linking to them. A team's failure is logged and the others
 * go on.
 */
export function createWeeklyReportsTask(options: {
  reports: ReportsService;
  catalog: CatalogService;
  auth: AuthService;
  notifications: NotificationService;
  portalBaseUrl: string;
  logger: LoggerService;
  now?: () => Date;
}): () => Promise<{ teams: number; failed: number }> {
  const { reports, catalog, auth, notifications, portalBaseUrl, logger } =
    options;
  const now = options.now ?? (() => new Date());
  return async () => {
    const credentials = await auth.getOwnServiceCredentials();
    const period = previousWeek(now());
    const teams = await readOwningTeams(catalog, credentials);
    let failed = 0;
    for (const team of teams) {
      try {
        const made = [];
        for (const kind of REPORT_KINDS) {
          made.push(
            await reports.create(
              { kind, team, start: period.start, end: period.end },
              { credentials, createdBy: WEEKLY_REPORTS_TASK },
            ),
          );
        }
        await notifications.send({
          recipients: { type: 'entity', entityRef: team },
          payload: {
            title: `Weekly scaling, deployments and cost reports, ${period.start} to ${period.end}`,
            description: `The reports of ${team} for the week from ${period.start} are ready, as CSV and PDF.`,
            link: teamReportsUrl(portalBaseUrl, team, made[0].id),
            severity: 'low',
            topic: `Weekly reports of ${team}`,
            scope: `weekly-reports:${team}:${period.start}`,
            metadata: Object.fromEntries(
              made.map(report => [`${report.kind}Report`, report.id]),
            ),
          },
        });
      } catch (error) {
        failed += 1;
        logger.error(`Could not make the weekly reports of ${team}`, {
          error: toError(error).message,
        });
      }
    }
    logger.info(
      `Made the weekly reports of ${teams.length - failed} of ${
        teams.length
      } teams`,
      { period: `${period.start}/${period.end}` },
    );
    return { teams: teams.length, failed };
  };
}

export async function scheduleWeeklyReports(
  scheduler: SchedulerService,
  config: Config,
  task: () => Promise<unknown>,
): Promise<void> {
  await scheduler.scheduleTask({
    id: WEEKLY_REPORTS_TASK_ID,
    ...readWeeklyReportsSchedule(config),
    fn: async () => {
      await task();
    },
  });
}
