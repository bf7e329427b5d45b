import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonScanner, JsonSyntaxError, MAX_SCAN_DEPTH } from './json-scanner';

/** Scans `text` in chunks of `chunkSize` bytes; the values at `depth` 1 as the scanner delimits them. */
function scan(text: string, chunkSize: number): { isValid: boolean; line?: number; members: string[] } {
  const bytes = Buffer.from(text, 'utf8');
  const members: string[] = [];
  let start = -1;
  const scanner = createJsonScanner(
    {
      onValueStart: (depth, _kind, offset) => {
        if (depth === 1) start = offset;
      },
      onValueEnd: (depth, offset) => {
        if (depth === 1) members.push(bytes.subarray(start, offset).toString('utf8'));
      },
    },
    { maxEventDepth: 1 },
  );
  try {
    for (let at = 0; at < bytes.length; at += chunkSize) scanner.push(bytes.subarray(at, at + chunkSize));
    scanner.end();
    return { isValid: true, members };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { isValid: false, line: error.line, members };
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('createJsonScanner', () => {
  it('accepts every JSON document, in chunks of any size, and delimits its members exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (values, chunkSize, pretty) => {
          const text = JSON.stringify(values, null, pretty ? 2 : undefined);
          const result = scan(text, chunkSize);
          expect(result.isValid).toBe(true);
          expect(result.members.map((member) => JSON.parse(member) as unknown)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on what is JSON, for documents with a character changed, cut or added', () => {
    const alphabet = [...'{}[]":,.-+eE0123456789 \n\tabtrufnl\\/'];
    const mutated = fc
      .tuple(
        fc.jsonValue(),
        fc.nat(),
        fc.constantFrom(...alphabet),
        fc.constantFrom('replace', 'insert', 'delete', 'cut'),
      )
      .map(([value, position, character, how]) => {
        const text = JSON.stringify(value);
        const at = position % (text.length + 1);
        if (how === 'replace') return text.slice(0, at) + character + text.slice(at + 1);
        if (how === 'insert') return text.slice(0, at) + character + text.slice(at);
        if (how === 'delete') return text.slice(0, at) + text.slice(at + 1);
        return text.slice(0, at);
      });
    fc.assert(
      fc.property(mutated, fc.integer({ min: 1, max: 16 }), (text, chunkSize) => {
        expect(scan(text, chunkSize).isValid).toBe(isJson(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports the line of the error', () => {
    expect(scan('{\n  "tables": {\n    "demand": [,]\n  }\n}', 5)).toMatchObject({ isValid: false, line: 3 });
    expect(scan('{\n"a": "cut off', 3)).toMatchObject({ isValid: false, line: 2 });
    expect(scan('[1,\n2]\n\nx', 3)).toMatchObject({ isValid: false, line: 4 });
  });

  it(`refuses nesting deeper than ${MAX_SCAN_DEPTH} levels without running out of memory`, () => {
    const deep = '['.repeat(MAX_SCAN_DEPTH + 1);
    expect(() => {
      const scanner = createJsonScanner({});
      scanner.push(Buffer.from(deep));
    }).toThrow(/nested deeper than/);
    expect(scan(`${'['.repeat(1000)}${']'.repeat(1000)}`, 100).isValid).toBe(true);
  });
});
