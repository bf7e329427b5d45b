import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { parseInputSetRef } from '@planning-hub/contracts/labels';
import { paths } from '../config/paths';
import { routes } from './route-config';

/** The route patterns matched by a URL, outermost first (the pathless layout routes left out). */
function matchedPaths(url: string): string[] {
  return (matchRoutes(routes, url) ?? []).flatMap((match) => (match.route.path ? [match.route.path] : match.route.index ? ['(index)'] : []));
}

describe('SPA routes', () => {
  it('opens the ready revision of a label named upload, like any other label', () => {
    expect(matchedPaths('/ui/plans/input_sets/upload')).toEqual([paths.inputSet.path, '(index)']);
    expect(matchedPaths('/ui/plans/input_sets/upload/review')).toEqual([paths.inputSet.path, paths.inputSetReview.path]);
    expect(matchedPaths('/ui/plans/input_sets/upload/diff')).toEqual([paths.inputSet.path, paths.inputSetDiff.path]);
    expect(matchedPaths('/ui/plans/input_sets/upload@draft')).toEqual([paths.inputSet.path, '(index)']);
  });

  it('serves the upload page at a path no label can take', () => {
    const uploadPage = paths.upload.getHref();
    expect(uploadPage.startsWith(`${paths.inputSets.path}/`)).toBe(true);
    expect(parseInputSetRef(uploadPage.slice(paths.inputSets.path.length + 1))).toBeNull();
    expect(matchedPaths(uploadPage)).toEqual([paths.upload.path]);
  });

  it('keeps the runbook paths of a label', () => {
    expect(paths.inputSet.getHref('weekly_refresh')).toBe('/ui/plans/input_sets/weekly_refresh');
    expect(paths.inputSetReview.getHref('weekly_refresh')).toBe('/ui/plans/input_sets/weekly_refresh/review');
    expect(paths.inputSetDiff.getHref('weekly_refresh')).toBe('/ui/plans/input_sets/weekly_refresh/diff');
  });
});
