import Box from '@material-ui/core/Box';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import {
  CanaryRolloutState,
  CanaryStep,
  RolloutPauseCondition,
} from '@meschain/backstage-plugin-scaling-common';
import { useSecondsUntil } from '../../hooks';
import {
  describeCanaryStep,
  describeHeaderMatches,
  formatSeconds,
} from './rolloutLabels';

function PauseCountdown(props: { endsAt: string; observedAt?: string }) {
  const left = useSecondsUntil(props.endsAt, props.observedAt);
  return <>{left ? `${formatSeconds(left)} left` : 'ending now'}</>;
}

function StepCaption(props: {
  step: CanaryStep;
  pause?: RolloutPauseCondition;
  observedAt?: string;
}) {
  const { step, pause, observedAt } = props;
  if (step.state !== 'current' || step.kind !== 'pause') {
    return null;
  }
  return (
    <Typography variant="caption" color="textSecondary">
      {pause?.endsAt ? (
        <PauseCountdown endsAt={pause.endsAt} observedAt={observedAt} />
      ) : (
        'waiting for promote'
      )}
    </Typography>
  );
}

function currentStepSummary(canary: CanaryRolloutState, aborted: boolean) {
  const total = canary.steps.length;
  const index = canary.currentStepIndex ?? 0;
  if (aborted) {
    return `Aborted at step ${Math.min(index + 1, total)} of ${total}`;
  }
  if (index >= total) {
    return `All ${total} steps done`;
  }
  return `Step ${index + 1} of ${total}: ${describeCanaryStep(
    canary.steps[index],
  )}`;
}

/** A canary's steps, the one it is on with its pause countdown, and its traffic weights. */
export function CanaryStepProgress(props: {
  canary: CanaryRolloutState;
  pauseConditions: RolloutPauseCondition[];
  aborted: boolean;
  /** Whether a new version is being rolled out; without one there is no canary traffic to show. */
  updating: boolean;
  label: string;
  observedAt?: string;
}) {
  const { canary, pauseConditions, aborted, updating, label, observedAt } =
    props;
  const canaryPause = pauseConditions.find(
    pause => pause.reason === 'CanaryPauseStep',
  );
  const activeStep = Math.min(
    canary.currentStepIndex ?? 0,
    canary.steps.length,
  );
  return (
    <section aria-label={label}>
      <Typography variant="subtitle2">
        {currentStepSummary(canary, aborted)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {updating
          ? `Canary weight: ${canary.setWeight} % set, ${canary.actualWeight} % actual`
          : 'No update in progress: all traffic goes to the stable version'}
        {canary.analysis &&
          ` · Analysis ${canary.analysis.name ?? ''}: ${canary.analysis.phase}`}
      </Typography>
      {canary.headerRoutes.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Header routes:{' '}
          {canary.headerRoutes
            .map(route => `${route.name} (${describeHeaderMatches(route)})`)
            .join('; ')}
        </Typography>
      )}
      <Box overflow="auto">
        <Stepper activeStep={activeStep} alternativeLabel>
          {canary.steps.map(step => (
            <Step
              key={step.index}
              completed={step.state === 'completed'}
              active={step.state === 'current'}
            >
              <StepLabel
                error={aborted && step.state === 'current'}
                optional={
                  <StepCaption
                    step={step}
                    pause={canaryPause}
                    observedAt={observedAt}
                  />
                }
              >
                {describeCanaryStep(step)}
              </StepLabel>
            </Step>
          ))}
        </Stepper>
      </Box>
    </section>
  );
}
