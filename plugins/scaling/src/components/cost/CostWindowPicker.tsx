import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import NativeSelect from '@material-ui/core/NativeSelect';
import { makeStyles } from '@material-ui/core/styles';
import { useId } from 'react';

const useStyles = makeStyles(theme => ({
  // The theme's secondary text is 4.47:1 on the page's grey, short of AA's
  // 4.5:1; the label sits on the page, not on a card.
  label: { color: theme.palette.text.primary },
}));

/** The window lengths offered, in complete days. */
export const COST_WINDOW_DAYS = [30, 90, 365] as const;

/** Picks how many complete days back the figures cover. */
export function CostWindowPicker(props: {
  days: number;
  onChange: (days: number) => void;
}) {
  const id = useId();
  const classes = useStyles();
  return (
    <FormControl>
      <InputLabel htmlFor={id} className={classes.label}>
        Window
      </InputLabel>
      <NativeSelect
        id={id}
        value={props.days}
        onChange={event => props.onChange(Number(event.target.value))}
      >
        {COST_WINDOW_DAYS.map(days => (
          <option key={days} value={days}>
            Last {days} days
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}
