import Grid from '@material-ui/core/Grid';
import {
  PolicyProblem,
  ScalingGuardRails,
} from '@meschain/backstage-plugin-scaling-common';
import { NumberField } from './NumberField';
import { problemAt } from './policyProblems';

/** The policy's minimum and maximum replicas. */
export function ReplicaBoundsFields(props: {
  minReplicas: number;
  maxReplicas: number;
  guardRails: ScalingGuardRails;
  problems: PolicyProblem[];
  onChange: (bounds: { minReplicas: number; maxReplicas: number }) => void;
}) {
  const { minReplicas, maxReplicas, guardRails, problems, onChange } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={6}>
        <NumberField
          label="Minimum replicas"
          value={minReplicas}
          onChange={value => onChange({ minReplicas: value, maxReplicas })}
          problem={problemAt(problems, 'minReplicas')}
        />
      </Grid>
      <Grid item xs={6}>
        <NumberField
          label="Maximum replicas"
          value={maxReplicas}
          onChange={value => onChange({ minReplicas, maxReplicas: value })}
          problem={problemAt(problems, 'maxReplicas')}
          hint={`At most ${guardRails.maxReplicas}${
            guardRails.tier ? ` for ${guardRails.tier} services` : ''
          }`}
        />
      </Grid>
    </Grid>
  );
}
