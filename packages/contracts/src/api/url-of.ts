/**
 * URL builders for API paths, with no schema attached: `routes.ts` builds the SPA's and
 * the CLI's URLs with them, so that a page needing a URL does not load every operation's
 * zod schemas (docs/performance.md, Browser).
 */

/** One string per `{name}` of the path, in template order. */
type TPathValues<P extends string> = P extends `${string}{${string}}${infer Rest}`
  ? [string, ...TPathValues<Rest>]
  : [];

/** A path without parameters is its own URL; one with parameters is a function of them, in template order. */
export type TUrlBuilder<P extends string> =
  TPathValues<P> extends [] ? P : (...values: TPathValues<P>) => string;

/** The client's URL of an operation: each `{name}` replaced, URL-encoded, by the next value. */
export function urlOf<const P extends string>(operation: { path: P }): TUrlBuilder<P> {
  const { path } = operation;
  if (!/\{\w+\}/.test(path)) return path as TUrlBuilder<P>;
  const build = (...values: string[]) => {
    let index = 0;
    return path.replace(/\{\w+\}/g, () => encodeURIComponent(values[index++] ?? ''));
  };
  return build as unknown as TUrlBuilder<P>;
}
