/** A Backstage table that lists every row at once: dense, with no paging, search or column dragging. */
export const LIST_TABLE_OPTIONS = {
  paging: false,
  search: false,
  padding: 'dense',
  draggable: false,
} as const;
