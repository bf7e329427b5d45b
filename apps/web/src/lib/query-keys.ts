/**
 * Query keys that more than one feature must read or invalidate (an upload or a
 * review changes what the input-set list, the detail and the History tab show).
 * Each feature's queryOptions build their keys on these, so nobody retypes them.
 */
export const queryKeyRoots = {
  inputSets: ['input-sets'] as const,
  events: ['events'] as const,
};

export const queryKeys = {
  /** One revision's detail (GET API.inputSet(ref)); its table pages live below it. */
  inputSetDetail: (ref: string) => [...queryKeyRoots.inputSets, 'detail', ref] as const,
  /** Everything the History tab shows for a label: the pages of events and the chain check. */
  labelEvents: (label: string) => [...queryKeyRoots.events, label] as const,
};
