import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/**
 * The compact table of a bundle's files (the upload's chosen files, a revision's stored
 * ones), scrolling inside its frame; `caption` names both the table and the frame.
 * `children` are the table's thead and tbody.
 */
export function FilesTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <TableScroll label={caption} className="table-scroll--fit">
      <table className="table table--compact table--files">
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </TableScroll>
  );
}
