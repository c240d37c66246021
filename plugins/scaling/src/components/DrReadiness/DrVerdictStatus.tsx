import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { DrVerdict } from '@meschain/backstage-plugin-scaling-common';
import { ReactNode } from 'react';

const statusDots: Record<DrVerdict, () => JSX.Element> = {
  pass: () => <StatusOK />,
  fail: () => <StatusError />,
  unknown: () => <StatusWarning />,
};

/**
 * A DR verdict as a coloured dot and its text. The text sits beside the
 * status rather than inside it, where Backstage hides it from screen readers.
 */
export function DrVerdictStatus(props: {
  verdict: DrVerdict;
  children?: ReactNode;
}) {
  const Dot = statusDots[props.verdict];
  // Backstage's status is a flex box of its own line; kept inline, the dot
  // sits beside the first line of the text, which wraps under itself.
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline' }}>
      <Dot />
      <span>{props.children ?? props.verdict}</span>
    </span>
  );
}
