import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, computeEventHash, verifyEventChain, type TChainLink } from './event-hash';

function chain(count: number): TChainLink[] {
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
    const hash = computeEventHash(prev, fields);
    links.push({ ...fields, id: String(i), prevHash: prev, hash });
    prev = hash;
  }
  return links;
}

describe('event hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyEventChain(chain(5))).toEqual({ ok: true, checked: 5 });
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
