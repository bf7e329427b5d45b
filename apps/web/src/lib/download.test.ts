import { describe, expect, it } from 'vitest';
import { formatJsonLikeCli } from './download';

describe('formatJsonLikeCli', () => {
  it('prints JSON as `planning events --json` does', () => {
    expect(formatJsonLikeCli({ label: 'w', events: [], nextCursor: null })).toBe(
      '{\n  "label": "w",\n  "events": [],\n  "nextCursor": null\n}\n',
    );
  });
});
