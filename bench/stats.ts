// Percentiles and timing helpers for the benchmarks.

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Runs `fn` for each input and returns the sorted latencies in milliseconds. */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await fn(input);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
