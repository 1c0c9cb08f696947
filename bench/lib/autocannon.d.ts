/** The part of autocannon 9's API the benches use (it ships no types). */
declare module 'autocannon' {
  interface Options {
    url: string;
    connections: number;
    duration: number;
    /** Requests a second across all connections. */
    overallRate?: number;
    requests?: { method: string; path: string; headers?: Record<string, string>; body?: string }[];
  }
  interface Result {
    requests: { total: number };
    latency: { p50: number; p99: number };
    '4xx': number;
    '5xx': number;
    errors: number;
    timeouts: number;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
