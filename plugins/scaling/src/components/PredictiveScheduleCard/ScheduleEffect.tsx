import Typography from '@material-ui/core/Typography';
import { PredictiveScheduleEffect } from '@meschain/backstage-plugin-scaling-common';

const hours = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;

/** The what-if replay of the forecast week, without and with the schedule, in one sentence. */
export function ScheduleEffect(props: {
  effect: PredictiveScheduleEffect;
  targetUtilization: number;
}) {
  const { withoutSchedule, withSchedule } = props.effect;
  return (
    <Typography variant="body2" data-testid="schedule-effect">
      Replaying the forecast week: with the schedule the service would run{' '}
      {hours(withSchedule.minutesAboveTarget)} above its{' '}
      {props.targetUtilization} % CPU target instead of{' '}
      {hours(withoutSchedule.minutesAboveTarget)}, for{' '}
      {withSchedule.replicaHours.toFixed(0)} replica-hours instead of{' '}
      {withoutSchedule.replicaHours.toFixed(0)}.
    </Typography>
  );
}
