import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/**
 * The compact table of a bundle's files (the upload's chosen files, a revision's stored
 * ones), scrolling inside its frame; `caption` names both the table and the frame.
 * `columns` are the header cells (th), `children` the body rows (tr).
 */
export function FilesTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: ReactNode;
  children: ReactNode;
}) {
  return (
    <TableScroll label={caption} className="table-scroll--fit">
      <table className="table table--compact table--files">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{columns}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
