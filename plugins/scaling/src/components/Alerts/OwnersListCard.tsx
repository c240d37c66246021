import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { CompactColumn, CompactTable } from '../CompactTable';

/**
 * A card of things a service's owners manage (its alert rules, its
 * maintenance windows): their table, a button to add one for those allowed
 * to, and for everyone else the reason they may not. The dialogs the card
 * opens are its children.
 */
export function OwnersListCard<T>(props: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  access: { allowed: boolean; reason?: string };
  list: { error?: Error; value?: readonly T[] };
  columns: CompactColumn<T>[];
  rowKey: (row: T) => string;
  empty: string;
  children?: ReactNode;
}) {
  const { title, addLabel, onAdd, access, list, columns, rowKey, empty } =
    props;
  let body: ReactNode;
  if (list.error) {
    body = <ResponseErrorPanel error={list.error} />;
  } else if (!list.value) {
    body = <Progress />;
  } else {
    body = (
      <CompactTable
        label={title}
        columns={columns}
        rows={list.value}
        rowKey={rowKey}
        empty={empty}
      />
    );
  }

  return (
    <InfoCard
      title={title}
      action={
        access.allowed ? (
          <Button variant="outlined" color="primary" onClick={onAdd}>
            {addLabel}
          </Button>
        ) : undefined
      }
    >
      {!access.allowed && access.reason && (
        <Typography variant="body2" paragraph>
          {access.reason}
        </Typography>
      )}
      {body}
      {props.children}
    </InfoCard>
  );
}
