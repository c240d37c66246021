import Alert from '@material-ui/lab/Alert';
import { IncompleteCostDay } from '@meschain/backstage-plugin-scaling-common';

/** Warns that the figures may be low, naming each day, region and why. */
export function IncompleteCostDays(props: { days: IncompleteCostDay[] }) {
  if (props.days.length === 0) {
    return null;
  }
  return (
    <Alert severity="warning">
      Some source data was missing, so these figures may be low:
      <ul>
        {props.days.map(day => (
          <li key={`${day.date}/${day.cluster}`}>
            {day.date}, {day.region ?? day.cluster}: {day.reason}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
