import { bundleFormData } from '@planning-hub/test-support/bundle-files';

/**
 * An upload form past a small UPLOAD_MAX_BYTES (a demand.csv of 400 rows, about 5.6 KB):
 * for the 413 tests of servers started with a limit of a few KB.
 */
export function oversizedBundleForm(): FormData {
  return bundleFormData(
    { version_id: 'v1' },
    { 'demand.csv': `item_code,location_code,period,quantity\n${'A,B,2027-01,1\n'.repeat(400)}` },
  );
}
