// autocannon ships no types (and @types/autocannon lags behind 9.x): the part the bench uses.
declare module 'autocannon' {
  type THistogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p2_5: number;
    p50: number;
    p75: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  };

  export type TAutocannonOptions = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    headers?: Record<string, string>;
    /** Seconds to wait for a response. */
    timeout?: number;
    /** A run before the measured one, left out of the results. */
    warmup?: { connections?: number; duration?: number };
    title?: string;
  };

  export type TAutocannonResult = {
    title?: string;
    url: string;
    connections: number;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds. */
    latency: THistogram;
    /** Requests per second, sampled each second; `total` is every completed request. */
    requests: THistogram & { sent: number };
    /** Bytes per second. */
    throughput: THistogram;
  };

  type TInstance = PromiseLike<TAutocannonResult> & { stop: () => void };

  function autocannon(options: TAutocannonOptions): TInstance;
  export default autocannon;
}
