/**
 * The part of autocannon 8's programmatic API that the bench uses (the package ships no types and
 * @types/autocannon is not installed). Field meanings are from autocannon's README.
 */
declare module 'autocannon' {
  export interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    pipelining?: number
    /** Seconds before a request counts as a timeout (and an error). */
    timeout?: number
    method?: string
    headers?: Record<string, string>
    body?: string
  }

  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p99: number
    p999: number
  }

  export interface Result {
    url: string
    /** Seconds actually run. */
    duration: number
    latency: Histogram & { totalCount: number }
    requests: Histogram & { sent: number }
    throughput: Histogram
    /** Connection errors, timeouts included. */
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
  }

  function autocannon(opts: Options, cb: (err: Error | null, result: Result) => void): unknown
  export default autocannon
}
