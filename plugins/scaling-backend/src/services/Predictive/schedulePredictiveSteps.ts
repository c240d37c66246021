import { AuthService, SchedulerService } from '@backstage/backend-plugin-api';
import {
  PREDICTIVE_TASK_ID,
  PredictiveScalingService,
} from './createPredictiveScalingService';

/**
 * Sets the applied schedules' steps every minute. The scheduler runs a global task on one
 * replica at a time, so a step is set once however many backends run.
 */
export async function schedulePredictiveSteps(options: {
  scheduler: SchedulerService;
  auth: AuthService;
  predictive: PredictiveScalingService;
}) {
  const { scheduler, auth, predictive } = options;
  await scheduler.scheduleTask({
    id: PREDICTIVE_TASK_ID,
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
    scope: 'global',
    fn: async () =>
      predictive.runDueSteps(await auth.getOwnServiceCredentials()),
  });
}
