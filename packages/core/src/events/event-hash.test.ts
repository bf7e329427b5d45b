import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, computeEventHash, verifyEventChain, type TChainLink } from './event-hash';

const AUDIT_KEY = { key: 'k'.repeat(64), keyedSince: '2026-11-25T00:00:03.000Z' };

/** Events 1.. dated one second apart from 2026-11-25T00:00:01Z; keyed with `key` from event `keyedFrom` on. */
function chain(
  count: number,
  { key, keyedFrom = 1 }: { key?: string; keyedFrom?: number } = {},
): TChainLink[] {
  const links: TChainLink[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const fields = {
      label: 'weekly_refresh',
      inputSetId: 1,
      revision: 1,
      action: i === 1 ? 'upload' : 'approve',
      actor: 'ops_lead',
      principal: 'alice',
      comment: `JIRA-${i}`,
      metadata: { n: i },
      createdAt: new Date(Date.UTC(2026, 10, 25, 0, 0, i)).toISOString(),
    };
    const hash = computeEventHash(prev, fields, i >= keyedFrom ? key : undefined);
    links.push({ ...fields, id: String(i), prevHash: prev, hash });
    prev = hash;
  }
  return links;
}

describe('event hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyEventChain(chain(5))).toEqual({ ok: true, checked: 5, keyed: 0, unkeyed: 5 });
  });

  it('catches an edited comment at the edited event', () => {
    const links = chain(5);
    links[2] = { ...links[2]!, comment: 'JIRA-X' };
    expect(verifyEventChain(links)).toMatchObject({ ok: false, brokenAt: '3' });
  });

  it('catches a deleted event at its successor', () => {
    const links = chain(5);
    links.splice(1, 1);
    expect(verifyEventChain(links)).toMatchObject({ ok: false, brokenAt: '3' });
  });

  it('catches two swapped events', () => {
    const links = chain(5);
    [links[1], links[2]] = [links[2]!, links[1]!];
    expect(verifyEventChain(links)).toMatchObject({ ok: false, brokenAt: '3' });
  });

  it('does not depend on the key order of metadata', () => {
    const base = chain(1)[0]!;
    expect(computeEventHash(GENESIS_HASH, { ...base, metadata: { a: 1, b: 2 } })).toBe(
      computeEventHash(GENESIS_HASH, { ...base, metadata: { b: 2, a: 1 } }),
    );
  });
});

describe('the keyed chain (AUDIT_HMAC_KEY)', () => {
  it('verifies a keyed chain with the key, and counts events written before the key as unkeyed', () => {
    expect(verifyEventChain(chain(5, { key: AUDIT_KEY.key }), { auditKey: AUDIT_KEY })).toEqual({
      ok: true,
      checked: 5,
      keyed: 5,
      unkeyed: 0,
    });
    expect(verifyEventChain(chain(5, { key: AUDIT_KEY.key, keyedFrom: 3 }), { auditKey: AUDIT_KEY })).toEqual(
      { ok: true, checked: 5, keyed: 3, unkeyed: 2 },
    );
  });

  it('refuses a chain recomputed without the key: an unkeyed event after a keyed one, or dated after the key came into use', () => {
    const tail = chain(5, { key: AUDIT_KEY.key, keyedFrom: 3 });
    // Event 4 rewritten and everything from it rehashed with plain SHA-256.
    const rewritten = chain(5, { key: AUDIT_KEY.key, keyedFrom: 3 }).slice(0, 3);
    let prev = rewritten[2]!.hash;
    for (const link of tail.slice(3)) {
      const fields = { ...link, comment: 'rewritten', prevHash: prev };
      const hash = computeEventHash(prev, fields);
      rewritten.push({ ...fields, hash });
      prev = hash;
    }
    expect(verifyEventChain(rewritten, { auditKey: AUDIT_KEY })).toMatchObject({
      ok: false,
      brokenAt: '4',
      checked: 3,
    });
    expect(verifyEventChain(chain(5), { auditKey: AUDIT_KEY })).toMatchObject({
      ok: false,
      brokenAt: '3',
      unkeyed: 2,
    });
  });

  it('does not verify a keyed chain with another key, nor without one', () => {
    const keyed = chain(2, { key: AUDIT_KEY.key });
    expect(
      verifyEventChain(keyed, { auditKey: { ...AUDIT_KEY, key: 'another key of at least 32 characters' } }),
    ).toMatchObject({ ok: false, brokenAt: '1' });
    expect(verifyEventChain(keyed)).toMatchObject({
      ok: false,
      brokenAt: '1',
      reason: expect.stringMatching(/no audit key/),
    });
  });

  it('checks a recorded head: still in the chain, or events removed from the end', () => {
    const links = chain(5);
    const head = { hash: links[4]!.hash, id: '5', count: 5 };
    expect(verifyEventChain(links, { head })).toMatchObject({ ok: true });
    expect(verifyEventChain(links.slice(0, 3), { head })).toMatchObject({
      ok: false,
      brokenAt: null,
      removedFromEnd: 2,
      checked: 3,
    });
    expect(verifyEventChain(links.slice(0, 3), { head: { hash: head.hash } })).toMatchObject({
      ok: false,
      removedFromEnd: null,
    });
    expect(verifyEventChain([], { head })).toMatchObject({ ok: false, removedFromEnd: 5 });
    // A head recorded earlier, with events appended since: fine.
    expect(verifyEventChain(links, { head: { hash: links[2]!.hash, id: '3', count: 3 } })).toMatchObject({
      ok: true,
    });
  });
});
