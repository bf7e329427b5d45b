/**
 * Compares two keys held as bytes: below zero when `a` comes first, above zero when `b`
 * does, zero when they are the same key, null when the bytes do not decide it (the caller
 * then gives the stored order up and reads in key order).
 */
export type TCompareKeys = (
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
) => number | null;

/**
 * Decides two keys at their first differing bytes, given the byte before them (-1 at the
 * key's start): below zero when `a`'s comes first, above zero when `b`'s does, null when
 * the format cannot tell from those bytes.
 */
export type TDecideBytes = (aByte: number, bByte: number, before: number) => number | null;

/**
 * A key comparison for one format: byte by byte to the first difference, which `decide`
 * judges; where one key is the start of the other, the shorter comes first (its last
 * field is the start of the other's last field).
 */
export function compareKeyBytes(decide: TDecideBytes): TCompareKeys {
  return (a, aStart, aEnd, b, bStart, bEnd) => {
    const aLength = aEnd - aStart;
    const bLength = bEnd - bStart;
    const common = Math.min(aLength, bLength);
    let j = 0;
    while (j < common && a[aStart + j] === b[bStart + j]) j++;
    if (j === common) return aLength - bLength;
    return decide(a[aStart + j]!, b[bStart + j]!, j > 0 ? a[aStart + j - 1]! : -1);
  };
}

/** Rows of one chunk: row i is lines[rowStart[i], rowEnd[i]), its key keys[keyStart[i], keyEnd[i]). */
export type TRowBatch = {
  lines: Buffer;
  rowStart: Int32Array;
  rowEnd: Int32Array;
  keys: Buffer;
  keyStart: Int32Array;
  keyEnd: Int32Array;
  count: number;
};

export type TRowOrderMend = {
  /** Takes the next rows in the order they were read; false when they cannot be put in key order. */
  add: (batch: TRowBatch) => boolean;
  /** The output bytes of the rows that can no longer move, in key order; valid until the next call. */
  take: () => Uint8Array;
  /** Every row still kept back or held, in key order (null when their order is not decided); valid until the next call. */
  finish: () => Uint8Array | null;
};

export type TRowArrays = Pick<TRowBatch, 'rowStart' | 'rowEnd' | 'keyStart' | 'keyEnd'>;

/** Arrays for the rows of a batch, to be filled by a reader of one format. */
export function createRowArrays(size = 1024): TRowArrays {
  return {
    rowStart: new Int32Array(size),
    rowEnd: new Int32Array(size),
    keyStart: new Int32Array(size),
    keyEnd: new Int32Array(size),
  };
}

/** The same arrays twice as long, their contents kept. */
export function growRowArrays(arrays: TRowArrays): TRowArrays {
  const larger = createRowArrays(arrays.rowStart.length * 2);
  larger.rowStart.set(arrays.rowStart);
  larger.rowEnd.set(arrays.rowEnd);
  larger.keyStart.set(arrays.keyStart);
  larger.keyEnd.set(arrays.keyEnd);
  return larger;
}

/** A row taken out of the stream until its place comes: its key and its output bytes, copied. */
type THeldRow = { key: Buffer; line: Buffer };

/** Rows kept back before they are given out: room for rows read too early to be taken back. */
const LAG_ROWS = 4096;
/** What the rows held out of place may take, in bytes, before the stored order is given up. */
const HELD_BYTES = 32 * 1024 * 1024;

/**
 * Puts rows read in the order they are stored back into key order, when they are nearly in
 * it. PostgreSQL stores a revision imported in key order in key order, except rows it put
 * into room left at the end of earlier pages: those come too early (docs/performance.md,
 * Hash). Each row's output bytes are kept back for LAG_ROWS rows. A row whose key comes
 * before the last row's takes the rows kept back with larger keys out of the stream (held
 * in a heap by key); each held row goes back in just before the first row with a larger
 * key. A row that comes after rows already given out would be too late, and a key the
 * comparison cannot decide is not guessed: `add` then answers false, and the caller reads
 * the rows again in key order.
 */
export function createRowOrderMend(compare: TCompareKeys): TRowOrderMend {
  let out = Buffer.allocUnsafe(1 << 16);
  let used = 0;
  let taken = 0;
  // The rows kept back are [head, end): where each starts in `out`, and where its key is.
  let start = new Int32Array(1024);
  let keyFrom = new Int32Array(1024);
  let keyTo = new Int32Array(1024);
  let keySource = new Array<Uint8Array | null>(1024).fill(null);
  let head = 0;
  let end = 0;
  /** The key of the last row given out, copied (its chunk may be gone). */
  let lastGiven: Buffer | null = null;
  const held: THeldRow[] = [];
  let heldBytes = 0;
  let broken = false;

  function room(bytes: number): void {
    if (used + bytes <= out.length) return;
    // What was given out makes way first; then `out` grows.
    if (taken > 0) {
      out.copy(out, 0, taken, used);
      for (let i = head; i < end; i++) start[i]! -= taken;
      used -= taken;
      taken = 0;
    }
    if (used + bytes > out.length) {
      const larger = Buffer.allocUnsafe(Math.max(out.length * 2, used + bytes));
      out.copy(larger, 0, 0, used);
      out = larger;
    }
  }

  function rowRoom(rows: number): void {
    if (end + rows <= start.length) return;
    // Grow the arrays to eight times the lag; from then on move the rows kept back to the front.
    if (head > 0 && start.length >= LAG_ROWS * 8) {
      start.copyWithin(0, head, end);
      keyFrom.copyWithin(0, head, end);
      keyTo.copyWithin(0, head, end);
      keySource.copyWithin(0, head, end);
      keySource.fill(null, end - head, end);
      end -= head;
      head = 0;
    }
    if (end + rows <= start.length) return;
    const size = Math.max(start.length * 2, end + rows);
    const larger = (array: Int32Array) => {
      const copy = new Int32Array(size);
      copy.set(array.subarray(0, end));
      return copy;
    };
    start = larger(start);
    keyFrom = larger(keyFrom);
    keyTo = larger(keyTo);
    keySource = keySource.concat(new Array<Uint8Array | null>(size - keySource.length).fill(null));
  }

  function keep(
    line: Uint8Array,
    from: number,
    to: number,
    key: Uint8Array,
    kFrom: number,
    kTo: number,
  ): void {
    room(to - from);
    rowRoom(1);
    start[end] = used;
    keySource[end] = key;
    keyFrom[end] = kFrom;
    keyTo[end] = kTo;
    end++;
    out.set(line.subarray(from, to), used);
    used += to - from;
  }

  /** Whether held row a comes before b; an undecided pair breaks the mend (the heap's order would be a guess). */
  function heldBefore(a: THeldRow, b: THeldRow): boolean {
    const order = compare(a.key, 0, a.key.length, b.key, 0, b.key.length);
    if (order === null || order === 0) broken = true;
    return order !== null && order < 0;
  }

  function hold(row: THeldRow): void {
    held.push(row);
    heldBytes += row.key.length + row.line.length;
    for (let i = held.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!heldBefore(held[i]!, held[parent]!)) break;
      [held[i], held[parent]] = [held[parent]!, held[i]!];
      i = parent;
    }
  }

  function unhold(): THeldRow {
    const first = held[0]!;
    const last = held.pop()!;
    heldBytes -= first.key.length + first.line.length;
    if (held.length > 0) {
      held[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < held.length && heldBefore(held[left]!, held[least]!)) least = left;
        if (right < held.length && heldBefore(held[right]!, held[least]!)) least = right;
        if (least === i) break;
        [held[i], held[least]] = [held[least]!, held[i]!];
        i = least;
      }
    }
    return first;
  }

  /** Takes the rows kept back whose key comes after this one out of the stream; false when it cannot. */
  function takeBackAfter(key: Uint8Array, kFrom: number, kTo: number): boolean {
    let last = end - 1;
    for (; last >= head; last--) {
      const order = compare(keySource[last]!, keyFrom[last]!, keyTo[last]!, key, kFrom, kTo);
      if (order === null || order === 0) return false;
      if (order < 0) break;
      const lineEnd = last + 1 < end ? start[last + 1]! : used;
      hold({
        key: Buffer.from(keySource[last]!.subarray(keyFrom[last]!, keyTo[last]!)),
        line: Buffer.from(out.subarray(start[last]!, lineEnd)),
      });
    }
    if (last < head && lastGiven !== null) {
      const order = compare(lastGiven, 0, lastGiven.length, key, kFrom, kTo);
      if (order === null || order >= 0) return false;
    }
    if (last + 1 < end) {
      used = start[last + 1]!;
      keySource.fill(null, last + 1, end);
      end = last + 1;
    }
    return !broken && heldBytes <= HELD_BYTES;
  }

  /** Puts back, before the row with this key, every held row whose key comes first; false when undecided. */
  function giveBackBefore(key: Uint8Array, kFrom: number, kTo: number): boolean {
    while (held.length > 0) {
      const first = held[0]!;
      const order = compare(first.key, 0, first.key.length, key, kFrom, kTo);
      if (order === null || order === 0) return false;
      if (order > 0) return true;
      unhold();
      if (broken) return false;
      keep(first.line, 0, first.line.length, first.key, 0, first.key.length);
    }
    return true;
  }

  /** Whether the first held row comes before this key (undecided counts as yes: the slow way decides). */
  function heldComesFirst(key: Uint8Array, kFrom: number, kTo: number): boolean {
    const first = held[0]!;
    const order = compare(first.key, 0, first.key.length, key, kFrom, kTo);
    return order === null || order <= 0;
  }

  function add(batch: TRowBatch): boolean {
    if (broken) return false;
    const { lines, rowStart, rowEnd, keys, keyStart, keyEnd, count } = batch;
    // Rows in order, with no held row due before them, are copied in runs: one copy per run.
    let runFrom = 0;
    const copyRun = (to: number) => {
      if (to === runFrom) return;
      const bytes = rowEnd[to - 1]! - rowStart[runFrom]!;
      room(bytes);
      rowRoom(to - runFrom);
      const base = used - rowStart[runFrom]!;
      for (let i = runFrom; i < to; i++) {
        start[end] = rowStart[i]! + base;
        keySource[end] = keys;
        keyFrom[end] = keyStart[i]!;
        keyTo[end] = keyEnd[i]!;
        end++;
      }
      lines.copy(out, used, rowStart[runFrom]!, rowEnd[to - 1]!);
      used += bytes;
      runFrom = to;
    };
    for (let i = 0; i < count; i++) {
      const kFrom = keyStart[i]!;
      const kTo = keyEnd[i]!;
      // The row before this one in the batch is the last row added (in the run, or kept alone).
      if (i > 0) {
        const order = compare(keys, keyStart[i - 1]!, keyEnd[i - 1]!, keys, kFrom, kTo);
        if (order !== null && order < 0 && (held.length === 0 || !heldComesFirst(keys, kFrom, kTo))) continue;
      }
      copyRun(i);
      const last = end - 1;
      const order =
        last >= head
          ? compare(keySource[last]!, keyFrom[last]!, keyTo[last]!, keys, kFrom, kTo)
          : lastGiven === null
            ? -1
            : compare(lastGiven, 0, lastGiven.length, keys, kFrom, kTo);
      if (order === null || order === 0) return fail();
      if (order > 0 && !takeBackAfter(keys, kFrom, kTo)) return fail();
      if (!giveBackBefore(keys, kFrom, kTo)) return fail();
      keep(lines, rowStart[i]!, rowEnd[i]!, keys, kFrom, kTo);
      runFrom = i + 1;
    }
    copyRun(count);
    return true;
  }

  function fail(): false {
    broken = true;
    return false;
  }

  function giveOut(rows: number): Uint8Array {
    const to = head + rows;
    const bytesEnd = to < end ? start[to]! : used;
    if (rows > 0) {
      const last = to - 1;
      lastGiven = Buffer.from(keySource[last]!.subarray(keyFrom[last]!, keyTo[last]!));
      keySource.fill(null, head, to);
    }
    const bytes = out.subarray(taken, bytesEnd);
    taken = bytesEnd;
    head = to;
    return bytes;
  }

  return {
    add,
    take: () => giveOut(Math.max(0, end - head - LAG_ROWS)),
    finish: () => {
      // Every held row comes after every row kept back: add puts each back before the first larger key.
      while (!broken && held.length > 0) {
        const row = unhold();
        keep(row.line, 0, row.line.length, row.key, 0, row.key.length);
      }
      return broken ? null : giveOut(end - head);
    },
  };
}
