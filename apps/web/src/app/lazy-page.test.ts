import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage, pageLoader } from './lazy-page';

const Page = () => createElement('h1', null, 'the page');
const fallback = createElement('p', null, 'loading');
const render = (component: ComponentType) =>
  renderToString(createElement(Suspense, { fallback }, createElement(component)));

describe('lazyPage', () => {
  it('renders a page whose chunk a pageLoader has brought in without a loading state', async () => {
    const load = pageLoader(async () => ({ Page }));
    const LazyPage = lazyPage(load, 'Page');
    await load();
    // renderToString does not wait: a page that suspended would show the fallback.
    expect(render(LazyPage)).toBe('<!--$--><h1>the page</h1><!--/$-->');
  });

  it('shows the fallback for a page whose chunk has not arrived, and the page once it has', async () => {
    let arrive: (module: { Page: typeof Page }) => void = () => {};
    const LazyPage = lazyPage(
      () => new Promise<{ Page: typeof Page }>((resolve) => (arrive = resolve)),
      'Page',
    );
    expect(render(LazyPage)).toContain('<p>loading</p>');
    arrive({ Page });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(render(LazyPage)).toBe('<!--$--><h1>the page</h1><!--/$-->');
  });
});
