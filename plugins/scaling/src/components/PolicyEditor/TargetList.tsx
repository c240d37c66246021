import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  PolicyMappingNote,
  PolicyProblem,
  SCALING_TARGET_KINDS,
  ScalingTarget,
} from '@meschain/backstage-plugin-scaling-common';
import { problemAt } from './policyProblems';
import { newTarget, targetKindLabels } from './targetDefaults';
import { TargetFields } from './TargetFields';

/** The policy's targets, with buttons to add one of each kind. */
export function TargetList(props: {
  targets: ScalingTarget[];
  problems: PolicyProblem[];
  notes: PolicyMappingNote[];
  onChange: (targets: ScalingTarget[]) => void;
}) {
  const { targets, problems, notes, onChange } = props;
  const listProblem = problemAt(problems, 'targets');
  const listNote = notes.find(note => note.field === 'targets');
  return (
    <Box>
      <Typography variant="h6" component="h3">
        Targets
      </Typography>
      {listNote && (
        <Typography variant="caption" color="textSecondary" component="p">
          {listNote.text}
        </Typography>
      )}
      {targets.map((target, index) => (
        <Box key={index} my={1}>
          <TargetFields
            target={target}
            index={index}
            problems={problems}
            notes={notes}
            onChange={changed =>
              onChange(targets.map((t, i) => (i === index ? changed : t)))
            }
            onRemove={() => onChange(targets.filter((_, i) => i !== index))}
          />
        </Box>
      ))}
      {listProblem && (
        <Typography variant="caption" color="error" component="p">
          {listProblem}
        </Typography>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {SCALING_TARGET_KINDS.map(kind => (
          <Button
            key={kind}
            size="small"
            variant="outlined"
            onClick={() => onChange([...targets, newTarget(kind)])}
          >
            Add {targetKindLabels[kind].toLocaleLowerCase('en-US')}
          </Button>
        ))}
      </Box>
    </Box>
  );
}
