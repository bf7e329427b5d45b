import type pg from 'pg';
import { importRevision, markDraftReady } from './diff-fixtures';

/**
 * Two revisions with known moves, for "What moved" and the reviewer's filters:
 * - ITEM-A's demand triples (250 -> 750, three rows changed);
 * - the location NAGOYA drops out (ITEM-C's two rows removed: -70);
 * - ITEM-B at TOKYO moves by 0.1% (1000 -> 1001), below a 0.5% tolerance;
 * - ITEM-B at OSAKA changes its unit only (pcs -> 個);
 * - inventory: ITEM-A's on_hand 10 -> 25 (+15, below an absolute 20), ITEM-B's safety_stock 5 -> 8;
 * - capacity: R1 in 2027-01 160 -> 176.
 */
export const MOVED_READY: Record<string, string> = {
  'demand.csv':
    'item_code,location_code,period,quantity,uom\n' +
    'ITEM-A,TOKYO,2027-01,100,pcs\n' +
    'ITEM-A,TOKYO,2027-02,100,pcs\n' +
    'ITEM-A,OSAKA,2027-01,50,pcs\n' +
    'ITEM-B,TOKYO,2027-01,1000,pcs\n' +
    'ITEM-B,OSAKA,2027-01,200,pcs\n' +
    'ITEM-C,NAGOYA,2027-01,30,pcs\n' +
    'ITEM-C,NAGOYA,2027-02,40,pcs\n',
  'inventory.csv': 'item_code,location_code,on_hand,safety_stock\nITEM-A,TOKYO,10,2\nITEM-B,OSAKA,100,5\n',
  'inbound.csv': 'item_code,location_code,period,reference,quantity\nITEM-A,TOKYO,2027-01,PO-1,10\n',
  'mix.csv': 'resource_code,item_code,share,units_per_hour\nR1,ITEM-A,0.6,10\nR1,ITEM-B,0.4,12\n',
};

export const MOVED_DRAFT: Record<string, string> = {
  ...MOVED_READY,
  'demand.csv':
    'item_code,location_code,period,quantity,uom\n' +
    'ITEM-A,TOKYO,2027-01,300,pcs\n' +
    'ITEM-A,TOKYO,2027-02,300,pcs\n' +
    'ITEM-A,OSAKA,2027-01,150,pcs\n' +
    'ITEM-B,TOKYO,2027-01,1001,pcs\n' +
    'ITEM-B,OSAKA,2027-01,200,個\n',
  'inventory.csv': 'item_code,location_code,on_hand,safety_stock\nITEM-A,TOKYO,25,2\nITEM-B,OSAKA,100,8\n',
  'capacity.csv': 'resource_code,period,available_hours\nR1,2027-01,176\nR1,2027-02,150.50\n',
};

/** `label` ready with MOVED_READY, `label@draft` with MOVED_DRAFT. */
export async function createMovedPair(pool: pg.Pool, label: string): Promise<void> {
  await importRevision(pool, label, MOVED_READY, '2027-01-A');
  await markDraftReady(pool, label);
  await importRevision(pool, label, MOVED_DRAFT, '2027-01-B');
}
