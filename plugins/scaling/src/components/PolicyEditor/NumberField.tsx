import TextField from '@material-ui/core/TextField';
import { useId } from 'react';
import {
  readNumberField,
  readOptionalNumberField,
  showNumberField,
} from '../readNumberField';

interface NumberFieldProps<T> {
  label: string;
  value: number | undefined;
  onChange: (value: T) => void;
  problem?: string;
  hint?: string;
  unit?: string;
}

function PolicyNumberField<T>(
  props: NumberFieldProps<T> & { read: (text: string) => T },
) {
  const { label, value, onChange, problem, hint, unit, read } = props;
  const id = useId();
  return (
    <TextField
      id={id}
      label={unit ? `${label} (${unit})` : label}
      type="number"
      value={showNumberField(value)}
      onChange={event => onChange(read(event.target.value))}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      margin="dense"
      fullWidth
    />
  );
}

/** A number field of the policy editor, with its validation message beneath it. */
export function NumberField(props: NumberFieldProps<number>) {
  return <PolicyNumberField {...props} read={readNumberField} />;
}

/** A number field that may be left empty, which unsets the value. */
export function OptionalNumberField(
  props: NumberFieldProps<number | undefined>,
) {
  return (
    <PolicyNumberField
      {...props}
      hint={props.hint ?? 'Optional'}
      read={readOptionalNumberField}
    />
  );
}
