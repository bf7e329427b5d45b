/**
 * UI built ahead of its API endpoint. Flip a flag when the endpoint ships; the
 * components behind it are already wired to their `features/<domain>/api` files.
 */
export const featureFlags = {
  /** POST /api/plans/input_sets/{ref}/review (approve / revert). */
  isReviewEndpointAvailable: false,
} as const;
