import { FormControl, InputLabel, MenuItem, Select } from '@material-ui/core';
import { ChangeEvent } from 'react';
import { RegionsFilter } from './filterOverview';

const ANY = '';

function FilterSelect(props: {
  id: string;
  label: string;
  value?: string;
  choices: string[];
  onChange: (value?: string) => void;
}) {
  return (
    <FormControl style={{ minWidth: 200, marginRight: 16 }}>
      <InputLabel id={`${props.id}-label`}>{props.label}</InputLabel>
      <Select
        labelId={`${props.id}-label`}
        value={props.value ?? ANY}
        onChange={(event: ChangeEvent<{ value: unknown }>) =>
          props.onChange((event.target.value as string) || undefined)
        }
      >
        <MenuItem value={ANY}>Any</MenuItem>
        {props.choices.map(choice => (
          <MenuItem key={choice} value={choice}>
            {choice}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Owner and system menus that narrow the page. */
export function RegionsFilters(props: {
  filter: RegionsFilter;
  owners: string[];
  systems: string[];
  onChange: (filter: RegionsFilter) => void;
}) {
  const { filter, onChange } = props;
  return (
    <div>
      <FilterSelect
        id="regions-owner"
        label="Owner"
        value={filter.owner}
        choices={props.owners}
        onChange={owner => onChange({ ...filter, owner })}
      />
      <FilterSelect
        id="regions-system"
        label="System"
        value={filter.system}
        choices={props.systems}
        onChange={system => onChange({ ...filter, system })}
      />
    </div>
  );
}
