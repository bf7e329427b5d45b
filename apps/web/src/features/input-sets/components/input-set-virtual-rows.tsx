import { useEffect, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { SpacerRow } from '../../../components/ui/virtual-grid';
import { INPUT_SET_COLUMN_COUNT, InputSetRow } from './input-set-row';

const ESTIMATED_ROW_HEIGHT = 64;
/** Ask for the next page this many rows before the end is on screen. */
const PREFETCH_ROWS = 40;

type TInputSetVirtualRowsProps = {
  items: readonly TInputSetSummary[];
  /** The table's scrolling element. */
  scrollRef: RefObject<HTMLDivElement | null>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
};

/**
 * The list's body rows, only those on screen (TanStack Virtual) with spacers for the
 * rest: a thousand input sets cost as much DOM as twenty. Asks for the next page as its
 * end comes near.
 */
export function InputSetVirtualRows({
  items,
  scrollRef,
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
}: TInputSetVirtualRowsProps) {
  // TanStack Virtual re-renders through its own subscription; there is no React Compiler in this build.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - PREFETCH_ROWS) onLoadMore();
  }, [hasNextPage, isFetchingNextPage, lastIndex, items.length, onLoadMore]);

  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  return (
    <>
      <SpacerRow height={paddingTop} columnCount={INPUT_SET_COLUMN_COUNT} />
      {virtualRows.map((virtualRow) => {
        const item = items[virtualRow.index];
        if (!item) return null;
        return (
          <InputSetRow
            key={virtualRow.key}
            item={item}
            index={virtualRow.index}
            rowRef={virtualizer.measureElement}
          />
        );
      })}
      <SpacerRow height={paddingBottom} columnCount={INPUT_SET_COLUMN_COUNT} />
    </>
  );
}
