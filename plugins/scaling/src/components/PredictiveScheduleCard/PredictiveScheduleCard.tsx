import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { PredictiveScheduleView } from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import { predictiveApiRef } from '../../api';
import { ScalingControlAccess, usePredictiveSchedule } from '../../hooks';
import { useEntityRef } from '../../hooks/useEntityRef';
import { WriteErrorAlert } from '../WriteErrorAlert';
import { ScheduleEffect } from './ScheduleEffect';
import { formatStepTime, ScheduleSteps } from './ScheduleSteps';

const DENIED =
  'Only the owners of this service may apply or remove its predictive schedule (scaling.replicas.update).';

function AppliedSummary(props: { view: PredictiveScheduleView }) {
  const applied = props.view.applied!;
  return (
    <Alert severity="success" data-testid="applied-schedule">
      Applied by {applied.appliedBy} on {formatStepTime(applied.appliedAt)} UTC.{' '}
      {applied.currentStep
        ? `HPA minimum now ${
            applied.currentStep.minReplicas
          } (since ${formatStepTime(applied.currentStep.from)}).`
        : 'Its first step is still to come.'}{' '}
      Removing it gives the HPA its minimum of {applied.baseMinReplicas} back.
    </Alert>
  );
}

/**
 * The schedule of HPA minimums proposed from the region's forecast, its what-if effect, and the
 * owners' one-click apply and removal.
 */
export function PredictiveScheduleCard(props: {
  region: string;
  access: ScalingControlAccess;
  onChanged?: () => void;
}) {
  const { region, access, onChanged } = props;
  const predictiveApi = useApi(predictiveApiRef);
  const entityRef = useEntityRef();
  const schedule = usePredictiveSchedule(region);
  const [busy, setBusy] = useState(false);
  const [writeError, setWriteError] = useState<Error>();

  async function write(action: () => Promise<unknown>) {
    setBusy(true);
    setWriteError(undefined);
    try {
      await action();
      schedule.retry();
      onChanged?.();
    } catch (error) {
      setWriteError(error as Error);
    } finally {
      setBusy(false);
    }
  }

  const view = schedule.value;
  let body;
  if (schedule.error) {
    body = <Alert severity="error">{schedule.error.message}</Alert>;
  } else if (!view) {
    body = <Progress />;
  } else {
    const minimums = view.proposed?.steps.map(step => step.minReplicas) ?? [];
    body = (
      <>
        {view.applied && <AppliedSummary view={view} />}
        {view.unavailable && <Alert severity="info">{view.unavailable}</Alert>}
        {view.proposed && view.autoscaler && (
          <>
            <Typography variant="body2" gutterBottom>
              Raises the minimum of HPA {view.autoscaler.name} from{' '}
              {Math.min(...minimums)} to {Math.max(...minimums)} pods ahead of
              the forecast load, {view.leadTimeSeconds} s before it arrives (pod
              start-up plus the HPA's reaction), in {view.proposed.steps.length}{' '}
              steps until {formatStepTime(view.proposed.until)} UTC.
            </Typography>
            {view.effect && (
              <ScheduleEffect
                effect={view.effect}
                targetUtilization={view.autoscaler.targetUtilization}
              />
            )}
            <ScheduleSteps
              steps={view.proposed.steps}
              label={`Proposed HPA minimums in ${region}`}
            />
          </>
        )}
        {writeError && (
          <WriteErrorAlert error={writeError} onReload={schedule.retry} />
        )}
        <Box display="flex" alignItems="center" mt={2} style={{ gap: 8 }}>
          <Button
            variant="contained"
            color="primary"
            disabled={!access.allowed || !view.proposed || busy}
            onClick={() =>
              write(() => predictiveApi.applySchedule(entityRef, region))
            }
          >
            Apply schedule
          </Button>
          {view.applied && (
            <Button
              variant="outlined"
              disabled={!access.allowed || busy}
              onClick={() =>
                write(() => predictiveApi.removeSchedule(entityRef, region))
              }
            >
              Remove schedule
            </Button>
          )}
          {!access.allowed && (
            <Typography variant="caption" color="textSecondary">
              {access.loading ? access.reason : DENIED}
            </Typography>
          )}
        </Box>
      </>
    );
  }
  return (
    <InfoCard
      title={`Predictive schedule · ${region}`}
      subheader="HPA minimums fitted to the forecast"
    >
      {body}
    </InfoCard>
  );
}
