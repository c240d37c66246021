import TextField from '@material-ui/core/TextField';
import { useId } from 'react';
import {
  readNumberField,
  readOptionalNumberField,
  showNumberField,
} from '../readNumberField';

/** A number field of the policy editor, with its validation message beneath it. */
export function NumberField(props: {
  label: string;
  value: number | undefined;
  onChange: (value: number) => void;
  problem?: string;
  hint?: string;
  unit?: string;
}) {
  const { label, value, onChange, problem, hint, unit } = props;
  const id = useId();
  return (
    <TextField
      id={id}
      label={unit ? `${label} (${unit})` : label}
      type="number"
      value={showNumberField(value)}
      onChange={event => onChange(readNumberField(event.target.value))}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      margin="dense"
      fullWidth
    />
  );
}

/** A number field that may be left empty, which unsets the value. */
export function OptionalNumberField(props: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  problem?: string;
  hint?: string;
  unit?: string;
}) {
  const { label, value, onChange, problem, hint, unit } = props;
  const id = useId();
  return (
    <TextField
      id={id}
      label={unit ? `${label} (${unit})` : label}
      type="number"
      value={showNumberField(value)}
      onChange={event => onChange(readOptionalNumberField(event.target.value))}
      error={Boolean(problem)}
      helperText={problem ?? hint ?? 'Optional'}
      margin="dense"
      fullWidth
    />
  );
}
