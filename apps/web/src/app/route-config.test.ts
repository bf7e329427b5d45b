import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { paths } from '../config/paths';
import { routes } from './route-config';

/** The route patterns matched by a URL, outermost first (the pathless layout routes left out). */
function matchedPaths(url: string): string[] {
  return (matchRoutes(routes, url) ?? []).flatMap((match) =>
    match.route.path ? [match.route.path] : match.route.index ? ['(index)'] : [],
  );
}

describe('SPA routes', () => {
  it('serves the upload page at /ui/plans/input_sets/upload (docs/design.md section 8)', () => {
    expect(paths.upload.getHref()).toBe('/ui/plans/input_sets/upload');
    expect(matchedPaths('/ui/plans/input_sets/upload')).toEqual([paths.upload.path]);
  });

  it('opens every page of a label named upload: Overview by its explicit name, the other tabs as usual', () => {
    const overview = paths.inputSet.getHref('upload');
    expect(overview).toBe('/ui/plans/input_sets/upload/overview');
    expect(matchedPaths(overview)).toEqual([paths.inputSet.path, paths.inputSetOverview.path]);
    expect(matchedPaths(paths.inputSetReview.getHref('upload'))).toEqual([
      paths.inputSet.path,
      paths.inputSetReview.path,
    ]);
    expect(matchedPaths(paths.inputSetDiff.getHref('upload'))).toEqual([
      paths.inputSet.path,
      paths.inputSetDiff.path,
    ]);
    expect(matchedPaths(paths.inputSet.getHref('upload@draft'))).toEqual([paths.inputSet.path, '(index)']);
    expect(paths.runInputSet.getHref('upload', 3)).toBe('/ui/plans/input_sets/upload@r3');
  });

  it('keeps the runbook paths of a label', () => {
    expect(paths.inputSet.getHref('weekly_refresh')).toBe('/ui/plans/input_sets/weekly_refresh');
    expect(matchedPaths('/ui/plans/input_sets/weekly_refresh')).toEqual([paths.inputSet.path, '(index)']);
    expect(paths.inputSetReview.getHref('weekly_refresh')).toBe('/ui/plans/input_sets/weekly_refresh/review');
    expect(paths.inputSetDiff.getHref('weekly_refresh')).toBe('/ui/plans/input_sets/weekly_refresh/diff');
  });
});
