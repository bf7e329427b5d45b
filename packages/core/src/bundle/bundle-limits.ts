/**
 * params hold settings, not data: params.json and the "params" of input_set.json are
 * parsed whole, params.csv is held whole (period_granularity is validated first).
 */
export const MAX_PARAMS_BYTES = 1 << 20;
