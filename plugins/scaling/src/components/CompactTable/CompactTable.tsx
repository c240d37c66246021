import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ReactNode } from 'react';

/** One column of a {@link CompactTable}: its header and each row's cell. */
export type CompactColumn<T> = {
  title: string;
  /** Figures are right-aligned, so their digits line up. */
  align?: 'right';
  cell: (row: T) => ReactNode;
};

/** A small table with a header row, then a row per item and a cell per column. */
export function CompactTable<T>(props: {
  /** Names the table for assistive technology. */
  label: string;
  columns: CompactColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown across all columns when there are no rows. */
  empty?: ReactNode;
}) {
  const { label, columns, rows, rowKey, empty } = props;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map(column => (
            <TableCell key={column.title} align={column.align}>
              {column.title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={rowKey(row)}>
            {columns.map(column => (
              <TableCell key={column.title} align={column.align}>
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
        {rows.length === 0 && empty && (
          <TableRow>
            <TableCell colSpan={columns.length}>{empty}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
