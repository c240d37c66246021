import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { ScalingControlAccess } from '../../hooks';
import { ForecastCard } from '../ForecastChart';
import { PredictiveScheduleCard } from './PredictiveScheduleCard';

const useStyles = makeStyles(theme => ({
  // The select sits on the page's grey background, not on a card, where the
  // label's secondary text colour falls short of 4.5:1 contrast.
  label: { color: theme.palette.text.primary },
  // Wide enough for the outlined label's notch, which a short region name would not make room for.
  select: { minWidth: theme.spacing(25) },
}));

/** The forecast against actual and the predictive schedule, for one region chosen at a time. */
export function PredictiveScalingSection(props: {
  regions: string[];
  access: ScalingControlAccess;
  onChanged?: () => void;
}) {
  const { regions, access, onChanged } = props;
  const classes = useStyles();
  const [chosen, setChosen] = useState<string>();
  const region = chosen && regions.includes(chosen) ? chosen : regions[0];
  if (!region) return null;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TextField
          select
          id="forecast-region"
          label="Forecast region"
          className={classes.select}
          InputLabelProps={{ className: classes.label }}
          value={region}
          onChange={event => setChosen(event.target.value)}
          variant="outlined"
          size="small"
        >
          {regions.map(option => (
            <MenuItem key={option} value={option}>
              {option}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} lg={7}>
        <ForecastCard region={region} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <PredictiveScheduleCard
          region={region}
          access={access}
          onChanged={onChanged}
        />
      </Grid>
    </Grid>
  );
}
