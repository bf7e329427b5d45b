import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  buildRequestHeaders,
  buildUrl,
  loadCatalogForError,
  parseJsonText,
  setRequestLanguage,
  toApiError,
} from './api-client';

// Lazy chunks in the SPA (the catalog, the problem schema), which apiRequest loads before it throws.
beforeAll(() => loadCatalogForError());

describe('buildRequestHeaders', () => {
  it('sends the CSRF token on unsafe methods only', () => {
    expect(buildRequestHeaders('POST', 'tok')['X-CSRF-Token']).toBe('tok');
    expect(buildRequestHeaders('delete', 'tok')['X-CSRF-Token']).toBe('tok');
    expect(buildRequestHeaders('GET', 'tok')['X-CSRF-Token']).toBeUndefined();
  });

  it('sends no CSRF header before there is a session', () => {
    expect(buildRequestHeaders('POST', null)['X-CSRF-Token']).toBeUndefined();
  });

  it("asks for the reader's language, so that the API's problems come in it", () => {
    setRequestLanguage('ja');
    expect(buildRequestHeaders('GET')['Accept-Language']).toBe('ja');
    setRequestLanguage('en');
    expect(buildRequestHeaders('GET')['Accept-Language']).toBe('en');
  });
});

describe('toApiError', () => {
  it('keeps the problem the API sent, with its hint', () => {
    const error = toApiError(404, 'Not Found', {
      type: 'https://planning-hub.dev/problems/not_found',
      title: 'Not Found',
      status: 404,
      detail: "Input set 'foo' not found.",
      code: 'not_found',
      messageCode: 'error.input_set.not_found',
      params: { ref: 'foo' },
      hint: "Only a draft exists: use 'foo@draft'.",
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe("Input set 'foo' not found.");
    expect(error.problem.hint).toContain('foo@draft');
  });

  it('makes a problem of an answer that is not problem+json', () => {
    const error = toApiError(502, 'Bad Gateway', null);
    expect(error.status).toBe(502);
    expect(error.problem.detail).toBe('The server answered 502 Bad Gateway.');
    expect(error.problem).toMatchObject({
      messageCode: 'error.client.http_status_text',
      params: { status: 502, statusText: 'Bad Gateway' },
    });
  });
});

describe('buildUrl', () => {
  it('leaves out empty query values', () => {
    expect(buildUrl('/api/plans/input_sets', { status: undefined, search: '', limit: 500, offset: 0 })).toBe(
      '/api/plans/input_sets?limit=500&offset=0',
    );
  });
});

describe('parseJsonText', () => {
  it('tolerates empty and non-JSON bodies', () => {
    expect(parseJsonText('')).toBeNull();
    expect(parseJsonText('<html>')).toBeNull();
    expect(parseJsonText('{"a":1}')).toEqual({ a: 1 });
  });
});
