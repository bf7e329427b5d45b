/** What the `planning` CLI says itself (apps/cli), English; its `--json` output stays as it is. */
export const CLI_MESSAGES_EN = {
  'cli.error_line': 'error: {message}',
  'cli.hint_line': 'hint: {hint}',
  'cli.hint.sign_in':
    'sign in with: planning login --server {serverUrl} (or pass a valid --token / PLANNING_HUB_TOKEN)',

  // Reaching the server
  'cli.error.unreachable': 'no Planning Hub server answers at {serverUrl} ({detail}; {howFound}).',
  'cli.hint.unreachable':
    'start one with `npm start` in the Planning Hub checkout (the CLI of that checkout then finds it by itself), or name a running one with --server <url> or PLANNING_HUB_URL.',
  'cli.server_source.option': 'given with --server',
  'cli.server_source.env': 'from PLANNING_HUB_URL',
  'cli.server_source.server_file':
    'from {file}, which the server wrote at its start: it may have stopped since',
  'cli.server_source.default': 'the default of npm start; no server.json was found ({searched})',
  'cli.error.request_failed': 'the request to {url} failed: {detail}.',
  'cli.error.not_json': 'the server at {serverUrl} answered something that is not JSON (HTTP {status}).',
  'cli.error.unknown_shape':
    'the server at {serverUrl} answered in a shape this CLI (planning {version}) does not know.',
  'cli.error.unknown_shape_issue':
    'the server at {serverUrl} answered in a shape this CLI (planning {version}) does not know ({path}: {detail}).',
  'cli.hint.same_release': 'Use the CLI of the same checkout or release as the server.',
  'cli.error.http_status': 'The server answered HTTP {status}.',
  'cli.error.http_status_excerpt': 'The server answered HTTP {status}: {excerpt}.',
  'cli.error.url_invalid': "{from} '{text}' is not a URL.",
  'cli.hint.url_example': 'e.g. http://127.0.0.1:8080 or https://planning-hub.example.com',
  'cli.error.url_not_http': "{from} '{text}' is not an http(s) URL.",
  'cli.error.server_file_unknown': '{file} is not a server.json this CLI understands.',
  'cli.hint.server_file_unknown':
    'Restart the server (npm start) to write it again, or name the server with --server <url>.',
  'cli.error.credentials_unknown': '{file} is not a credentials file this CLI understands.',
  'cli.hint.credentials_unknown': 'Remove it and sign in again: rm {file} && planning login --server <url>',

  // Signing in and out
  'cli.prompt.username': 'Username: ',
  'cli.prompt.password': 'Password: ',
  'cli.prompt.password_again': 'Password again: ',
  'cli.error.cancelled': 'cancelled.',
  'cli.error.password_stdin':
    'pass the password on stdin with --password-stdin (stdin is not a terminal to type it on).',
  'cli.error.passwords_differ': 'the two passwords differ.',
  'cli.error.username_needed': 'give your username with --username <u> (stdin is not a terminal to ask on).',
  'cli.error.no_username': 'no username given.',
  'cli.error.logout_unreachable':
    '{message} The token was removed from this machine, but it still works on the server.',
  'cli.hint.revoke_later': 'When the server is back: planning tokens revoke --prefix {prefix}',
  'cli.error.revoke_refused': 'the server at {serverUrl} refused to revoke token {prefix} (HTTP {status}).',

  // Commands
  'cli.error.db_outside_checkout':
    'planning db works in a Planning Hub checkout only: it opens the database directly, with the server code.',
  'cli.hint.db_outside_checkout':
    'Run it from the checkout (pnpm db:migrate, or bin/planning db ...); everything else goes through the API.',
  'cli.error.events_label': 'Give the label: planning events --label <label>.',
  'cli.error.date_invalid': "'{text}' is not a date: use YYYYMMDD, e.g. 20261125.",
  'cli.error.head_unreadable':
    '--head takes a 64-character event hash or a file holding one (events.json): {detail}',
  'cli.error.head_missing':
    '{file} holds no chain head: expected an events.json with "head" (planning evidence, planning events --json).',
  'cli.error.export_changed':
    "'{ref}' changed while it was being exported (a new upload replaced it); nothing was written.",
  'cli.hint.export_again': 'Run the export again.',
  'cli.error.export_not_zip': 'The export could not be read as a zip: {detail}.',
  'cli.error.export_entry_path':
    "The export holds an entry with a path ('{name}'); nothing more was written.",
  'cli.error.diff_not_object': 'the server sent a diff document that is not a JSON object.',
  'cli.error.plan_label_or_unlink': 'Give either --label <label> or --unlink.',
  'cli.error.input_missing': "'{path}' does not exist.",
  'cli.hint.input_missing': 'Give a bundle folder, a .zip of one, or input_set.json.',
  'cli.error.annotate_overwrites': '--annotate-to {dir} would overwrite the input file {file}.',
  'cli.hint.annotate_overwrites':
    'Name another folder: the annotated files are copies, your files stay as they are.',
  'cli.error.file_changed':
    "'{path}' changed while it was being uploaded ({size} bytes when the upload started); import it again.",

  // The import report
  'cli.import.stored': "✓ Imported '{label}' as draft r{revision} ({ref})",
  'cli.import.stored_invalid': "! Imported '{label}' as draft r{revision} ({ref}) marked invalid",
  'cli.import.not_stored': "✗ '{label}' was not stored: the bundle has {errors} error(s). Nothing changed.",
  'cli.import.content_hash': '  content hash  {hash}',
  'cli.import.replaced': '  replaced      draft with content hash {hash}',
  'cli.import.rows': '  rows          {counts}',
  'cli.import.encodings': '  encodings     {encodings}',
  'cli.import.problems': '  problems      {errors} error(s), {warnings} warning(s)',
  'cli.import.problems_capped': '  problems      {errors} error(s), {warnings} warning(s) (list capped)',
  'cli.import.more': '  … {count} more in the report',
  'cli.import.report': '  report        {path}',
  'cli.import.annotated':
    '  marked        {dir}: {files} file(s) with a "problems" column, problems.csv listing every problem. Fix the rows and import the same files again.',
  'cli.import.annotated_none': '  marked        nothing to mark: nothing written to {dir}',
  'cli.import.next':
    'Next: review it in the Planning Hub (/ui/plans/input_sets/{label}@draft/review) or with',
  'cli.problem.error': 'ERROR  ',
  'cli.problem.warning': 'warning',
  'cli.problem.notice': 'notice ',
  'cli.problem.row': 'row {row}',
  'cli.problem.column': 'column {column}',

  // Review, revert, archive
  'cli.review.approved': "✓ Approved '{label}' r{revision}: now {status} ({ref})",
  'cli.review.reverted': "✓ Reverted '{label}' r{revision}: now {status} ({ref})",
  'cli.review.archived': "✓ Archived '{label}' r{revision}: now {status} ({ref})",
  'cli.review.approved_by': '  approved by   {user} at {time}',
  'cli.review.approved_by_reviewer': '  approved by   {user} (Reviewer ID {reviewerId}) at {time}',
  'cli.review.comment': '  comment       {comment}',
  'cli.review.superseded': '  archived      r{previous} (superseded by r{revision})',
  'cli.review.event': '  event {id}  {action} r{revision} by {actor} ({principal}) {time}',

  // planning list
  'cli.list.none':
    'No input sets yet. Import one with: pnpm planning import -i <dir> --version-id <id> --label <label>',
  'cli.list.none_with_status': 'No {status} input sets.',
  'cli.list.partial': '({shown} of {total})',

  // planning policy, planning checks (approval gates)
  'cli.policy.default': "'{label}' has no policy of its own: the default policy applies (version 0).",
  'cli.policy.version': "Policy of '{label}': version {version}, set by {by} at {at}.",
  'cli.policy.stored': "✓ Stored version {version} of the policy of '{label}' (event {event}).",
  'cli.policy.tolerance_none': 'Diff tolerances: none (every change is shown).',
  'cli.policy.tolerance': 'Diff tolerances: {tolerances}',
  'cli.error.policy_unreadable': 'cannot read {file}: {detail}.',
  'cli.error.policy_not_json': '{file} is not JSON: {detail}.',
  'cli.checks.not_checked': "'{ref}' was stored before approval gates existed: it has no findings.",
  'cli.checks.summary':
    "'{ref}': {errors} error(s) and {warnings} warning(s) from the checks (policy version {version}).",
  'cli.checks.against': 'Compared with {against}.',
  'cli.checks.none': 'No findings.',
  'cli.checks.more': '  … {hidden} more finding(s) of {check} not stored.',
  // An option refused by the schema of its request (apps/cli/src/options/parse-options.ts)
  'cli.error.option_choice': "{option}: '{value}' is not one of {allowed}.",
  'cli.error.option_not_number': "{option}: '{value}' is not a number.",
  'cli.error.option_not_whole': "{option}: '{value}' is not a whole number.",
  'cli.error.option_too_big': '{option}: {value} is more than {maximum}.',
  'cli.error.option_too_small': '{option}: {value} is less than {minimum}.',
  'cli.error.option_too_long': '{option}: at most {maximum} characters.',
  'cli.error.option_empty': '{option}: give a value; it cannot be empty.',
  'cli.error.option_invalid': "{option}: '{value}': {detail}",
} as const;
