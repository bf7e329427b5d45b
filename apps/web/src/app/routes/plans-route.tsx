import { useInputSets } from '../../features/input-sets/api/list-input-sets';
import { PlansPage } from '../../features/runs/pages/plans-page';

/** `/ui/plans`, with the ready labels of the input sets offered in its forms (composed here: two features). */
export function PlansRoute() {
  const ready = useInputSets({ status: 'ready' });
  const labels = [
    ...new Set(ready.data?.pages.flatMap((page) => page.items.map((item) => item.label)) ?? []),
  ].sort();
  return <PlansPage readyLabels={labels} />;
}
