import { DiffPanel } from '../../features/diff/components/diff-panel';
import { useLabelRevisions } from '../../features/input-sets/api/list-label-revisions';
import { useInputSetOutlet } from '../../features/input-sets/ref-param';

/** The Diff tab: the revision on screen and its label's revisions (composed here, as it joins two features). */
export function InputSetDiffRoute() {
  const { inputSet } = useInputSetOutlet();
  const revisions = useLabelRevisions(inputSet.label);
  return <DiffPanel inputSet={inputSet} revisions={revisions.data} />;
}
