import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { DrVerdict } from '@meschain/backstage-plugin-scaling-common';
import { ReactNode } from 'react';

/** A DR verdict as a coloured status with its text. */
export function DrVerdictStatus(props: {
  verdict: DrVerdict;
  children?: ReactNode;
}) {
  const text = props.children ?? props.verdict;
  switch (props.verdict) {
    case 'pass':
      return <StatusOK>{text}</StatusOK>;
    case 'fail':
      return <StatusError>{text}</StatusError>;
    default:
      return <StatusWarning>{text}</StatusWarning>;
  }
}
