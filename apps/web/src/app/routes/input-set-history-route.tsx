import { HistoryPanel } from '../../features/events/components/history-panel';
import { useLabelOutlet } from '../../features/input-sets/ref-param';

/** The History tab: the events of the label on screen (composed here, as it joins two features). */
export function InputSetHistoryRoute() {
  const { label } = useLabelOutlet();
  return <HistoryPanel label={label} />;
}
