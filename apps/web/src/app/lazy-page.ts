import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** React.lazy for a named export: every page is its own chunk. */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
