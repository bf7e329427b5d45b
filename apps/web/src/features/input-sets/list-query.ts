import { INPUT_SET_STATUSES, type TInputSetStatus } from '@planning-hub/contracts/api/input-set-statuses';
import type { TInputSetFilters } from './api/list-input-sets';

/** The contract bounds `search` at 100 characters. */
export const SEARCH_MAX_LENGTH = 100;

/** Filters from the list URL (`?status=draft&search=weekly`); anything unknown means "no filter". */
export function readListFilters(params: URLSearchParams): TInputSetFilters {
  const status = params.get('status');
  const search = (params.get('search') ?? '').trim().slice(0, SEARCH_MAX_LENGTH);
  return {
    ...(isStatus(status) ? { status } : {}),
    ...(search ? { search } : {}),
  };
}

/** The URL query for filters, without empty values. */
export function writeListFilters(filters: TInputSetFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  const search = filters.search?.trim();
  if (search) params.set('search', search);
  return params;
}

function isStatus(value: string | null): value is TInputSetStatus {
  return value !== null && (INPUT_SET_STATUSES as readonly string[]).includes(value);
}
