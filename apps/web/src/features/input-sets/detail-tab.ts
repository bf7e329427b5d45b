import { useMatch } from 'react-router';
import { paths } from '../../config/paths';
import type { TDetailTab } from './waiting-draft';

/** The tab of the input set page on screen, from the URL (the Overview also as `.../overview`). */
export function useDetailTab(): TDetailTab {
  const isDiff = useMatch(`${paths.inputSet.path}/${paths.inputSetDiff.path}`) !== null;
  const isReview = useMatch(`${paths.inputSet.path}/${paths.inputSetReview.path}`) !== null;
  const isHistory = useMatch(`${paths.inputSet.path}/${paths.inputSetHistory.path}`) !== null;
  if (isDiff) return 'diff';
  if (isReview) return 'review';
  if (isHistory) return 'history';
  return 'overview';
}

/** The URL of `tab` of the revision `ref`. */
export function detailTabHref(tab: TDetailTab, ref: string): string {
  switch (tab) {
    case 'overview':
      return paths.inputSet.getHref(ref);
    case 'diff':
      return paths.inputSetDiff.getHref(ref);
    case 'review':
      return paths.inputSetReview.getHref(ref);
    case 'history':
      return paths.inputSetHistory.getHref(ref);
  }
}
