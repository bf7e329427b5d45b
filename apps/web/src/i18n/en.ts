import type { enPages } from './en-pages';

/**
 * English texts of the shell, sign-in and the input set list: what the first page needs
 * before it is usable (main.tsx loads them before the first render). Every other page's
 * texts are in en-pages.ts, which loads when such a page is opened or the browser is idle
 * (i18n/dictionaries.ts, docs/performance.md, Browser); first-page-messages.test.ts
 * checks that the first page's modules name no key of it. ja.ts and ja-pages.ts have
 * exactly the same keys (the type enforces it, and i18n.test.ts checks it). The runbook's
 * names stay as it spells them in every language: statuses (draft/ready/archived), event
 * actions, the warning titles Legacy mode and Missing InputSet, commands, paths and
 * metric names. English also keeps the runbook's screen words (Review, Approve/Revert,
 * Action/Actor/Comment/JST); docs/glossary.md gives their Japanese.
 */
export const en = {
  'app.name': 'Planning Hub',

  'header.skipToContent': 'Skip to main content',
  'header.language': 'Language',
  'header.menu': 'Menu',
  'nav.label': 'Main',
  'nav.inputSets': 'Input sets',
  'nav.upload': 'Upload',
  'nav.plans': 'Plans',

  'user.username': 'User',
  'user.role': 'Role',
  'user.employeeId': 'Employee ID',
  'user.signOut': 'Sign out',
  'user.signingOut': 'Signing out…',
  'role.viewer': 'viewer',
  'role.planner': 'planner',
  'role.reviewer': 'reviewer',
  'role.admin': 'admin',

  'status.draft': 'draft',
  'status.ready': 'ready',
  'status.archived': 'archived',

  'action.retry': 'Try again',
  'action.reload': 'Reload page',
  'state.loading': 'Loading…',
  'form.required': '(required)',
  'form.optional': '(optional)',

  'copy.button': 'Copy',
  'copy.buttonLabel': 'Copy {text}',
  'copy.copied': 'Copied',
  'copy.failed': 'Copy failed',

  'error.unknown': 'Something went wrong.',
  'error.hint': 'Hint:',
  'error.meta': 'HTTP {status} · {code}',
  'error.requestId': 'request id {id}',
  'error.pageCrashed': 'This page could not be shown.',

  'auth.checkingSession': 'Checking your session…',
  'auth.sessionError': 'Could not check your session.',
  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in with your Planning Hub account.',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.failed': 'Sign-in failed',
  'signIn.wrongCredentials': 'Wrong username or password.',

  'forbidden.title': 'Not available for your role',
  'forbidden.body': 'Your role is {role}; this page needs {required} or above. Ask an admin if you need it.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at {path}.',
  'notFound.backToList': 'Go to input sets',

  'list.title': 'Input sets',
  'list.intro': 'Labelled, versioned bundles of planning inputs. Plan runs use only ready sets.',
  'list.uploadButton': 'Upload a bundle',
  'list.filter.status': 'Status',
  'list.filter.all': 'All',
  'list.search.label': 'Search',
  'list.search.placeholder': 'Label or version id',
  'list.count': '{count} input sets',
  'list.count.one': '{count} input set',
  'list.refreshing': 'updating…',
  'list.loading': 'Loading input sets…',
  'list.loadingMore': 'Loading more…',
  'list.error': 'Could not load input sets.',
  'list.tableLabel': 'Input sets',
  'list.col.label': 'Label',
  'list.col.status': 'Status',
  'list.col.revision': 'Revision',
  'list.col.versionId': 'Version id',
  'list.col.rows': 'Rows',
  'list.col.updated': 'Updated (JST)',
  'list.col.approvedBy': 'Approved by',
  'list.empty.title': 'No input sets yet',
  'list.empty.body': 'Upload a bundle here, or import one from the command line:',
  'list.emptyFiltered.title': 'No input sets match',
  'list.emptyFiltered.body': 'Try another status or search text.',
  'list.emptyFiltered.clear': 'Clear filters',

  'rowCounts.none': 'no rows',
  'rowCounts.table': 'Table',
  'rowCounts.rows': 'Rows',
  'rowCounts.total': 'Total',

  'problems.severity': 'Severity',
  'problems.row': 'Row',
  'problems.column': 'Column',
  'problems.value': 'Value',
  'problems.code': 'Code',
  'problems.message': 'Message',
  'problems.error': 'error',
  'problems.warning': 'warning',
  'problems.notice': 'notice',
  'problems.errorCount': '{count} errors',
  'problems.errorCount.one': '{count} error',
  'problems.warningCount': '{count} warnings',
  'problems.warningCount.one': '{count} warning',
  'problems.bundle': 'Bundle',
  'problems.captionFor': 'Problems in {file}',
  'problems.showing': 'Showing {shown} of {total}',
  'problems.showMore': 'Show more',
  'problems.truncated': 'Long lists are capped at 1,000 per code; the counts are complete.',

  'viewer.table': 'Table',
  'viewer.tableOption': '{table} ({count} rows)',
  'viewer.gridLabel': 'Rows of {table}',
  'viewer.range': 'Rows {from}–{to} of {total}',
  'viewer.noRows': 'This table has no rows.',
  'viewer.gotoRow': 'Go to row',
  'viewer.go': 'Go',
  'viewer.window': 'Rows {from}–{to} (part {index} of {count})',
  'viewer.previousWindow': '‹ Previous {count}',
  'viewer.nextWindow': 'Next {count} ›',
  'viewer.error': 'Could not load these rows.',

  'list.reviewerId': 'Reviewer ID {id}',
} as const;

export type TFirstPageMessageKey = keyof typeof en;
export type TPageMessageKey = keyof typeof enPages;
export type TMessageKey = TFirstPageMessageKey | TPageMessageKey;
export type TMessages = Record<TMessageKey, string>;
/** A language's texts of the first page (en.ts, ja.ts). */
export type TFirstPageMessages = Record<TFirstPageMessageKey, string>;
/** A language's texts of every other page (en-pages.ts, ja-pages.ts). */
export type TPageMessages = Record<TPageMessageKey, string>;

/** Keys with a singular form `<key>.one` next to them. */
export type TPluralKey = { [K in TMessageKey]: `${K}.one` extends TMessageKey ? K : never }[TMessageKey];
