import { createElement, lazy, type ComponentType } from 'react';

/** A page chunk's loader that keeps the module once it has arrived. */
export type TPageLoader<M> = { (): Promise<M>; loaded?: M };

export function pageLoader<M>(load: () => Promise<M>): TPageLoader<M> {
  const loader: TPageLoader<M> = () =>
    load().then((module) => {
      loader.loaded = module;
      return module;
    });
  return loader;
}

/**
 * React.lazy for a named export: every page is its own chunk. A page whose chunk has
 * already arrived (preloaded by main.tsx through a `pageLoader`, or shown before) renders
 * at once: React.lazy suspends on its first render even then, and React keeps a Suspense
 * fallback on screen for about 300 ms once it has shown one, which held the list page's
 * first paint back by that much (docs/performance.md, Browser).
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: TPageLoader<M>,
  name: K,
): ComponentType {
  const remembered = pageLoader(load);
  const Lazy: ComponentType = lazy(async () => ({ default: (await remembered())[name] as ComponentType }));
  function LazyPage() {
    const module = load.loaded ?? remembered.loaded;
    const Page: ComponentType = module ? module[name] : Lazy;
    return createElement(Page);
  }
  LazyPage.displayName = `LazyPage(${name})`;
  return LazyPage;
}
