import { lazy, type ComponentType } from 'react';

/**
 * A page that loads on demand: the first page a visitor sees downloads only React, the router, the query
 * client and the sign-in form. `preload` fetches it in the background.
 */
export function lazyRoute<M>(load: () => Promise<M>, name: keyof M) {
  const Component = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return Object.assign(Component, { preload: load });
}
