import Typography from '@material-ui/core/Typography';
import { ContainerImage } from '@meschain/backstage-plugin-scaling-common';
import { useCallback, useState } from 'react';
import { useRolloutAction } from '../../hooks';
import { WriteTarget, writeTargetOf } from '../ConfirmWrite';
import { RolloutActionDialog } from '../RolloutActionDialog';
import { describeRolloutAction } from './describeRolloutAction';
import { rolloutActionLabels } from './rolloutLabels';
import { PendingRolloutAction } from './RolloutTarget';
import { imageChangeProblem, SetImageFields } from './SetImageFields';

/** Asks to confirm the chosen action, saying what it will do, then sends it. */
export function RolloutActionConfirmation(props: {
  pending: PendingRolloutAction;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { pending, onClose, onChanged } = props;
  const { target, action, revision } = pending;
  const { workload } = target;
  const runAction = useRolloutAction();
  const containers = workload.canaryImages ?? workload.stableImages;
  const [image, setImage] = useState<ContainerImage>(containers[0]);
  const imageProblem =
    action === 'set-image' && Boolean(imageChangeProblem(containers, image));

  const label = rolloutActionLabels[action];
  const object = revision ? ` to revision ${revision.revision}` : '';
  const onConfirm = useCallback(async () => {
    const result = await runAction({
      ...writeTargetOf(target),
      action,
      ...(revision && { revision: revision.revision }),
      ...(action === 'set-image' && {
        image: { container: image.container, image: image.image.trim() },
      }),
    });
    return `${label}${object} accepted for ${workload.name} in ${result.region}; its progress shows live`;
  }, [runAction, target, workload, action, revision, image, label, object]);

  return (
    <RolloutActionDialog
      title={`${label} ${workload.name} in ${target.region}${object}?`}
      confirmLabel={`${label}${object}`}
      confirmDisabled={imageProblem}
      onConfirm={onConfirm}
      onClose={onClose}
      onChanged={onChanged}
    >
      <WriteTarget target={target} />
      <Typography paragraph>{describeRolloutAction(pending)}</Typography>
      {action === 'set-image' && image && (
        <SetImageFields
          containers={containers}
          value={image}
          onChange={setImage}
        />
      )}
    </RolloutActionDialog>
  );
}
