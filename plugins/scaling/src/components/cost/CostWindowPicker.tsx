import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import NativeSelect from '@material-ui/core/NativeSelect';
import { useId } from 'react';

/** The window lengths offered, in complete days. */
export const COST_WINDOW_DAYS = [30, 90, 365] as const;

/** Picks how many complete days back the figures cover. */
export function CostWindowPicker(props: {
  days: number;
  onChange: (days: number) => void;
}) {
  const id = useId();
  return (
    <FormControl>
      <InputLabel htmlFor={id}>Window</InputLabel>
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
