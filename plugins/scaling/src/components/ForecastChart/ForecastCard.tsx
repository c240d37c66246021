import { InfoCard, Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useLoadForecast } from '../../hooks';
import { ForecastChart } from './ForecastChart';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Forecast against actual for one region of the open service. */
export function ForecastCard(props: { region: string }) {
  const { region } = props;
  const forecast = useLoadForecast(region);
  let body;
  if (forecast.error) {
    body = <Alert severity="error">{forecast.error.message}</Alert>;
  } else if (!forecast.value) {
    body = <Progress />;
  } else if (forecast.value.unavailable) {
    body = <Alert severity="info">{forecast.value.unavailable}</Alert>;
  } else {
    const { accuracy } = forecast.value;
    body = (
      <>
        {accuracy && (
          <Typography variant="body2" gutterBottom>
            Forecast of the past week from the weeks before it: MAPE{' '}
            {accuracy.mape.toFixed(1)} %, load above the forecast in{' '}
            {percent(accuracy.underForecastShare)} of {accuracy.hours} hours.
          </Typography>
        )}
        <ForecastChart forecast={forecast.value} />
      </>
    );
  }
  return (
    <InfoCard
      title={`Load forecast · ${region}`}
      subheader="CPU per hour, daily and weekly seasons"
    >
      {body}
    </InfoCard>
  );
}
