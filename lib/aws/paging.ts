// Reading AWS lists: every page of a paginated call, and per-item reads with a bound on calls in flight.
import "server-only";

export type Page<T> = { items: T[]; nextToken?: string };

/**
 * Reads pages until there is no next token, `maxItems` items are in, or `maxPages` pages are read; stops on a repeated
 * token so a misbehaving backend cannot loop forever.
 */
export async function allPages<T>(fetchPage: (nextToken: string | undefined) => Promise<Page<T>>, opts: { maxPages?: number; maxItems?: number } = {}): Promise<T[]> {
  const { maxPages = 500, maxItems = Infinity } = opts;
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const r = await fetchPage(token);
    out.push(...r.items);
    if (!r.nextToken || seen.has(r.nextToken) || out.length >= maxItems) break;
    seen.add(r.nextToken);
    token = r.nextToken;
  }
  return out;
}

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
