import type { TProblemMessageCode } from '@planning-hub/contracts/messages/catalog';
import { renderMessage, type TMessage } from '@planning-hub/contracts/messages/format-message';
import { problemMessage } from '../validation/problem-list';

/**
 * A validating JSON scanner over UTF-8 bytes, fed chunk by chunk, that allocates
 * nothing per value: it checks the syntax (RFC 8259, as JSON.parse does) and reports
 * where values start and end and which keys objects have, for the depths asked. With
 * it, input_set.json is read a row at a time instead of through one JSON.parse of the
 * whole file, whose memory is up to 30 times the file's size (`[{},{},...]`).
 */

export type TJsonKind = 'object' | 'array' | 'string' | 'number' | 'literal';

export type TJsonScanHandler = {
  /** A value starts at byte `offset`; `depth` 0 is the document, 1 its members or elements, ... */
  onValueStart?: (depth: number, kind: TJsonKind, offset: number) => void;
  /** The value at `depth` ends just before byte `offset`. */
  onValueEnd?: (depth: number, offset: number) => void;
  /** A key of the object at `depth` (its members are at depth + 1), decoded. Keys over 1 KiB are cut. */
  onKey?: (depth: number, key: string) => void;
};

/** What is wrong, as the `unparsable_row` message of the file that has it (its `{file}` and `{row}` filled in there). */
export type TJsonSyntaxDetail = TMessage<
  Extract<TProblemMessageCode, `problem.unparsable_row.json.${string}`>
>;

export class JsonSyntaxError extends Error {
  constructor(
    readonly detail: TJsonSyntaxDetail,
    /** 1-based line of the byte at fault. */
    readonly line: number,
  ) {
    super(
      renderMessage('en', {
        code: detail.code,
        params: { ...detail.params, file: 'The document', row: line },
      }),
    );
    this.name = 'JsonSyntaxError';
  }
}

/** Deeper nesting is refused as such: nothing real is nested that deep, and the stack is bounded. */
export const MAX_SCAN_DEPTH = 100_000;
const MAX_KEY_BYTES = 1024;

const enum State {
  Value,
  ArrayFirst,
  ObjectFirst,
  ObjectKey,
  Colon,
  AfterValue,
  String,
  Escape,
  Unicode,
  NumberMinus,
  NumberZero,
  NumberInteger,
  NumberDot,
  NumberFraction,
  NumberE,
  NumberESign,
  NumberExponent,
  Literal,
  Done,
}

const OBJECT = 1;
const ARRAY = 2;

const LITERALS: Record<number, Uint8Array> = {
  0x74: new TextEncoder().encode('true'),
  0x66: new TextEncoder().encode('false'),
  0x6e: new TextEncoder().encode('null'),
};

const isWhitespace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;
const isHex = (byte: number) =>
  isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);

const isPrintable = (byte: number) => byte >= 0x21 && byte <= 0x7e;
const hexOf = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** The messages of an unexpected byte, shown as the character it is when printable. */
const UNEXPECTED = {
  value: ['problem.unparsable_row.json.unexpected_char', 'problem.unparsable_row.json.unexpected_byte'],
  afterEnd: ['problem.unparsable_row.json.after_end_char', 'problem.unparsable_row.json.after_end_byte'],
  separator: [
    'problem.unparsable_row.json.expected_separator_char',
    'problem.unparsable_row.json.expected_separator_byte',
  ],
  keyOrEnd: [
    'problem.unparsable_row.json.expected_key_or_end_char',
    'problem.unparsable_row.json.expected_key_or_end_byte',
  ],
  key: ['problem.unparsable_row.json.expected_key_char', 'problem.unparsable_row.json.expected_key_byte'],
  colon: [
    'problem.unparsable_row.json.expected_colon_char',
    'problem.unparsable_row.json.expected_colon_byte',
  ],
} as const;

export type TJsonScanner = {
  /** Scans the next chunk; throws JsonSyntaxError at the first error. */
  push: (chunk: Uint8Array) => void;
  /** The input is over; throws JsonSyntaxError when the document is unfinished. */
  end: () => void;
};

/**
 * `wantsKeys(depth)`: whether onKey is wanted for objects at that depth (key bytes are
 * only collected then). `maxEventDepth`: values deeper than this raise no events.
 */
export function createJsonScanner(
  handler: TJsonScanHandler,
  {
    maxEventDepth = Infinity,
    wantsKeys = () => false,
  }: { maxEventDepth?: number; wantsKeys?: (depth: number) => boolean } = {},
): TJsonScanner {
  const stack = new Uint8Array(MAX_SCAN_DEPTH + 1);
  let depth = 0;
  let state = State.Value;
  let offset = 0;
  let line = 1;
  let isKey = false;
  let isCollectingKey = false;
  const keyBytes = new Uint8Array(MAX_KEY_BYTES);
  let keyLength = 0;
  let keyHasEscape = false;
  const collect = (byte: number) => {
    if (isCollectingKey && keyLength < MAX_KEY_BYTES) keyBytes[keyLength++] = byte;
  };
  let unicodeLeft = 0;
  let literal: Uint8Array = LITERALS[0x74]!;
  let literalIndex = 0;

  const fail = (detail: TJsonSyntaxDetail): never => {
    throw new JsonSyntaxError(detail, line);
  };
  const failAt = (byte: number, where: keyof typeof UNEXPECTED, extra: { closer?: string } = {}): never => {
    const [asChar, asByte] = UNEXPECTED[where];
    return fail(
      isPrintable(byte)
        ? { code: asChar, params: { char: String.fromCharCode(byte), ...extra } }
        : { code: asByte, params: { byte: hexOf(byte), ...extra } },
    );
  };

  function startValue(kind: TJsonKind, at: number): void {
    if (depth <= maxEventDepth) handler.onValueStart?.(depth, kind, at);
  }

  /** A scalar ended just before `at` (or a container just after its bracket). */
  function endValue(at: number): void {
    if (depth <= maxEventDepth) handler.onValueEnd?.(depth, at);
    state = depth === 0 ? State.Done : State.AfterValue;
  }

  function open(container: number, kind: TJsonKind, at: number): void {
    if (depth >= MAX_SCAN_DEPTH)
      fail(problemMessage('problem.unparsable_row.json.too_deep', { maxDepth: MAX_SCAN_DEPTH }));
    startValue(kind, at);
    stack[depth] = container;
    depth += 1;
    state = container === OBJECT ? State.ObjectFirst : State.ArrayFirst;
  }

  function close(container: number, at: number): void {
    if (depth === 0 || stack[depth - 1] !== container)
      fail(
        problemMessage('problem.unparsable_row.json.unexpected_char', {
          char: container === OBJECT ? '}' : ']',
        }),
      );
    depth -= 1;
    endValue(at + 1);
  }

  function startString(at: number, asKey: boolean): void {
    isKey = asKey;
    if (asKey) {
      isCollectingKey = wantsKeys(depth - 1);
      keyLength = 0;
      keyHasEscape = false;
    } else startValue('string', at);
    state = State.String;
  }

  /** Handles the first byte of a value. */
  function valueByte(byte: number, at: number): void {
    if (byte === 0x7b) open(OBJECT, 'object', at);
    else if (byte === 0x5b) open(ARRAY, 'array', at);
    else if (byte === 0x22) startString(at, false);
    else if (byte === 0x2d) {
      startValue('number', at);
      state = State.NumberMinus;
    } else if (isDigit(byte)) {
      startValue('number', at);
      state = byte === 0x30 ? State.NumberZero : State.NumberInteger;
    } else if (LITERALS[byte]) {
      startValue('literal', at);
      literal = LITERALS[byte]!;
      literalIndex = 1;
      state = State.Literal;
    } else failAt(byte, 'value');
  }

  /** A number ends at the first byte that cannot continue it; that byte is then read again. */
  function endNumber(at: number, byte: number): void {
    endValue(at);
    afterValueByte(byte, at);
  }

  function afterValueByte(byte: number, at: number): void {
    if (isWhitespace(byte)) return;
    if (state === State.Done) failAt(byte, 'afterEnd');
    const container = stack[depth - 1];
    if (byte === 0x2c) state = container === OBJECT ? State.ObjectKey : State.Value;
    else if (byte === 0x7d) close(OBJECT, at);
    else if (byte === 0x5d) close(ARRAY, at);
    else failAt(byte, 'separator', { closer: container === OBJECT ? '}' : ']' });
  }

  function push(chunk: Uint8Array): void {
    const base = offset;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      const at = base + i;
      switch (state) {
        case State.String:
          if (byte === 0x22) {
            state = State.Colon;
            if (isKey) {
              if (isCollectingKey)
                handler.onKey?.(depth - 1, decodeKey(keyBytes.subarray(0, keyLength), keyHasEscape));
              isCollectingKey = false;
            } else {
              endValue(at + 1);
            }
          } else if (byte === 0x5c) {
            state = State.Escape;
            keyHasEscape = true;
            collect(byte);
          } else if (byte < 0x20) {
            if (byte === 0x0a) line += 1;
            fail(problemMessage('problem.unparsable_row.json.control_in_string', {}));
          } else collect(byte);
          continue;
        case State.Escape:
          if (byte === 0x75) {
            state = State.Unicode;
            unicodeLeft = 4;
          } else if (
            byte === 0x22 ||
            byte === 0x5c ||
            byte === 0x2f ||
            byte === 0x62 ||
            byte === 0x66 ||
            byte === 0x6e ||
            byte === 0x72 ||
            byte === 0x74
          ) {
            state = State.String;
          } else
            fail(
              problemMessage('problem.unparsable_row.json.bad_escape', { char: String.fromCharCode(byte) }),
            );
          collect(byte);
          continue;
        case State.Unicode:
          if (!isHex(byte)) fail(problemMessage('problem.unparsable_row.json.bad_unicode_escape', {}));
          collect(byte);
          if (--unicodeLeft === 0) state = State.String;
          continue;
        default:
          break;
      }
      if (byte === 0x0a) line += 1;
      switch (state) {
        case State.Value:
          if (!isWhitespace(byte)) valueByte(byte, at);
          break;
        case State.ArrayFirst:
          if (isWhitespace(byte)) break;
          if (byte === 0x5d) close(ARRAY, at);
          else valueByte(byte, at);
          break;
        case State.ObjectFirst:
          if (isWhitespace(byte)) break;
          if (byte === 0x7d) close(OBJECT, at);
          else if (byte === 0x22) startString(at, true);
          else failAt(byte, 'keyOrEnd');
          break;
        case State.ObjectKey:
          if (isWhitespace(byte)) break;
          if (byte === 0x22) startString(at, true);
          else failAt(byte, 'key');
          break;
        case State.Colon:
          // After a key: ':'; after a string value the state is AfterValue (endValue set it).
          if (isWhitespace(byte)) break;
          if (byte === 0x3a) state = State.Value;
          else failAt(byte, 'colon');
          break;
        case State.AfterValue:
        case State.Done:
          afterValueByte(byte, at);
          break;
        case State.NumberMinus:
          if (byte === 0x30) state = State.NumberZero;
          else if (isDigit(byte)) state = State.NumberInteger;
          else fail(problemMessage('problem.unparsable_row.json.minus_without_digits', {}));
          break;
        case State.NumberZero:
          if (byte === 0x2e) state = State.NumberDot;
          else if (byte === 0x65 || byte === 0x45) state = State.NumberE;
          else if (isDigit(byte)) fail(problemMessage('problem.unparsable_row.json.leading_zero', {}));
          else endNumber(at, byte);
          break;
        case State.NumberInteger:
          if (isDigit(byte)) break;
          if (byte === 0x2e) state = State.NumberDot;
          else if (byte === 0x65 || byte === 0x45) state = State.NumberE;
          else endNumber(at, byte);
          break;
        case State.NumberDot:
          if (isDigit(byte)) state = State.NumberFraction;
          else fail(problemMessage('problem.unparsable_row.json.no_fraction_digits', {}));
          break;
        case State.NumberFraction:
          if (isDigit(byte)) break;
          if (byte === 0x65 || byte === 0x45) state = State.NumberE;
          else endNumber(at, byte);
          break;
        case State.NumberE:
          if (byte === 0x2b || byte === 0x2d) state = State.NumberESign;
          else if (isDigit(byte)) state = State.NumberExponent;
          else fail(problemMessage('problem.unparsable_row.json.no_exponent_digits', {}));
          break;
        case State.NumberESign:
          if (isDigit(byte)) state = State.NumberExponent;
          else fail(problemMessage('problem.unparsable_row.json.no_exponent_digits', {}));
          break;
        case State.NumberExponent:
          if (!isDigit(byte)) endNumber(at, byte);
          break;
        case State.Literal:
          if (byte !== literal[literalIndex]) failAt(byte, 'value');
          if (++literalIndex === literal.length) endValue(at + 1);
          break;
        default:
          break;
      }
    }
    offset += chunk.length;
  }

  function end(): void {
    if (
      state === State.NumberZero ||
      state === State.NumberInteger ||
      state === State.NumberFraction ||
      state === State.NumberExponent
    ) {
      endValue(offset);
    }
    if (state !== State.Done) fail(problemMessage('problem.unparsable_row.json.unexpected_end', {}));
  }

  return { push, end };
}

const UTF8 = new TextDecoder();

/** A key's raw bytes (escapes and all) as the string JSON.parse would give. */
function decodeKey(bytes: Uint8Array, hasEscape: boolean): string {
  const raw = UTF8.decode(bytes);
  if (!hasEscape) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
