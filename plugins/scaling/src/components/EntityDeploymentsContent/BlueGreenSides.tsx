import { StructuredMetadataTable } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  BlueGreenRolloutState,
  BlueGreenSide,
} from '@meschain/backstage-plugin-scaling-common';
import { useSecondsUntil } from '../../hooks';
import { describeImages, formatSeconds } from './rolloutLabels';

function describeSide(side: BlueGreenSide): string {
  const revision =
    side.revision === undefined ? '' : `revision ${side.revision}: `;
  return `${revision}${describeImages(side.images)} (service ${side.service})`;
}

function ScaleDownCountdown(props: { deadline: string; observedAt?: string }) {
  const left = useSecondsUntil(props.deadline, props.observedAt);
  return (
    <>
      {left
        ? `The previous version scales down in ${formatSeconds(left)}`
        : 'The previous version is scaling down'}
    </>
  );
}

/** A blue-green rollout's active and preview versions and its promotion settings. */
export function BlueGreenSides(props: {
  blueGreen: BlueGreenRolloutState;
  label: string;
  observedAt?: string;
}) {
  const { blueGreen, label, observedAt } = props;
  const { active, preview } = blueGreen;
  const previewPending =
    preview && preview.podTemplateHash !== active.podTemplateHash;
  let autoPromotion = 'Off: waits for promote';
  if (blueGreen.autoPromotionEnabled) {
    autoPromotion =
      blueGreen.autoPromotionSeconds === undefined
        ? 'On, as soon as the preview is ready'
        : `On, ${formatSeconds(
            blueGreen.autoPromotionSeconds,
          )} after the preview is ready`;
  }
  return (
    <section aria-label={label}>
      <StructuredMetadataTable
        dense
        metadata={{
          active: describeSide(active),
          preview: preview
            ? `${describeSide(preview)}${
                previewPending ? '' : ' — same as active'
              }`
            : 'No preview service',
          'auto-promotion': autoPromotion,
          'scale-down delay': formatSeconds(blueGreen.scaleDownDelaySeconds),
        }}
      />
      {blueGreen.scaleDownDeadline && (
        <Typography variant="body2" color="textSecondary">
          <ScaleDownCountdown
            deadline={blueGreen.scaleDownDeadline}
            observedAt={observedAt}
          />
        </Typography>
      )}
    </section>
  );
}
