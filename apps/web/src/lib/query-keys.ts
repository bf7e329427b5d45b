/**
 * Roots of the query keys that more than one feature must invalidate (an upload or
 * a review changes what the input-set list and detail show). Each feature's
 * queryOptions build their keys on these, so nobody retypes them.
 */
export const queryKeyRoots = {
  inputSets: ['input-sets'] as const,
};
