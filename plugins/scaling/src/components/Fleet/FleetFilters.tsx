import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import {
  FleetHealth,
  FleetTier,
} from '@meschain/backstage-plugin-scaling-common';
import { FleetFilterChoice } from '../../hooks/useFleetFilterChoices';

/** The owner filter's value for the signed-in user's own teams. */
export const MY_TEAMS = 'mine';
/** A filter's value that does not filter. */
export const ANY = '';

/** The grid's filters; owner is {@link MY_TEAMS}, {@link ANY} or a group's ref. */
export interface FleetFilter {
  owner: string;
  system: string;
  tier: FleetTier | typeof ANY;
  health: FleetHealth | typeof ANY;
}

export const DEFAULT_FLEET_FILTER: FleetFilter = {
  owner: MY_TEAMS,
  system: ANY,
  tier: ANY,
  health: ANY,
};

const tiers: FleetTier[] = ['critical', 'high', 'standard'];
const healths: Array<[FleetHealth, string]> = [
  ['pass', 'Pass'],
  ['warn', 'Warn'],
  ['fail', 'Fail'],
  ['unknown', 'Unknown'],
];

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const { id, label, value, onChange, children } = props;
  return (
    <TextField
      id={id}
      select
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 180 }}
    >
      {children}
    </TextField>
  );
}

/** Owner, system, tier and health menus that narrow the grid. */
export function FleetFilters(props: {
  filter: FleetFilter;
  owners: FleetFilterChoice[];
  systems: FleetFilterChoice[];
  onChange: (filter: FleetFilter) => void;
}) {
  const { filter, owners, systems, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
      <FilterSelect
        id="fleet-filter-owner"
        label="Owner"
        value={filter.owner}
        onChange={owner => onChange({ ...filter, owner })}
      >
        <option value={MY_TEAMS}>My teams</option>
        <option value={ANY}>All owners</option>
        {owners.map(owner => (
          <option key={owner.ref} value={owner.ref}>
            {owner.title}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="fleet-filter-system"
        label="System"
        value={filter.system}
        onChange={system => onChange({ ...filter, system })}
      >
        <option value={ANY}>All systems</option>
        {systems.map(system => (
          <option key={system.ref} value={system.ref}>
            {system.title}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="fleet-filter-tier"
        label="Tier"
        value={filter.tier}
        onChange={tier =>
          onChange({ ...filter, tier: tier as FleetFilter['tier'] })
        }
      >
        <option value={ANY}>All tiers</option>
        {tiers.map(tier => (
          <option key={tier} value={tier}>
            {tier}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="fleet-filter-health"
        label="Health"
        value={filter.health}
        onChange={health =>
          onChange({ ...filter, health: health as FleetFilter['health'] })
        }
      >
        <option value={ANY}>Any health</option>
        {healths.map(([health, label]) => (
          <option key={health} value={health}>
            {label}
          </option>
        ))}
      </FilterSelect>
    </Box>
  );
}
