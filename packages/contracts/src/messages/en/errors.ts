/**
 * Messages of API errors (problem+json `detail` and `hint`, packages/server/src/errors/app-error.ts),
 * English. Each `error.*` code is one sentence a service or route throws; `hint.*` codes help on.
 */
export const ERROR_MESSAGES_EN = {
  // problem+json titles, by HTTP status
  'title.400': 'Bad Request',
  'title.401': 'Unauthorized',
  'title.403': 'Forbidden',
  'title.404': 'Not Found',
  'title.408': 'Request Timeout',
  'title.409': 'Conflict',
  'title.413': 'Content Too Large',
  'title.415': 'Unsupported Media Type',
  'title.422': 'Unprocessable Content',
  'title.429': 'Too Many Requests',
  'title.500': 'Internal Server Error',
  'title.503': 'Service Unavailable',
  'title.other': 'Error',

  // Requests the API cannot take, whatever the route
  'error.api.no_route': 'No API route {method} {path}.',
  'error.request.invalid': '{detail}',
  'error.request.refused': '{detail}',
  'error.request.bad': 'Bad request.',
  'error.request.bad_value':
    'A value of the request cannot be stored or compared (a NUL character, a number out of range, text too long?).',
  'error.request.timeout': 'The request did not arrive within {seconds} s.',
  'error.server.database_busy': 'The database is busy; try again in a few seconds.',
  'error.server.internal': 'Something went wrong on our side. The request id helps us find it.',

  // Sign-in, sessions, tokens, roles
  'error.auth.required': 'Sign in or send an API token.',
  'error.auth.wrong_password': 'Wrong username or password.',
  'error.auth.invalid_token':
    'The API token is not valid: it is unknown, expired or revoked, or its user is disabled.',
  'error.auth.csrf': 'The X-CSRF-Token header is missing or does not match this session.',
  'error.auth.role': 'This needs the {role} role; you are {actual}.',
  'error.auth.session_exists':
    'This request came with a browser session already; a new one is only opened for API token and local operator callers.',
  'error.auth.hashing_busy': 'Too many passwords are being checked at once. Try again in a few seconds.',
  'error.auth.too_many_from_address':
    'Too many failed sign-in attempts from this address. Try again in {minutes} minutes.',
  'error.auth.too_many_for_user':
    "Too many sign-in attempts for '{username}'. Try again in {minutes} minutes.",
  'error.auth.too_many_for_user_from_addresses':
    "Too many failed sign-in attempts for '{username}' from several addresses. Try again in {minutes} minutes.",
  'hint.auth.csrf': 'Reload the page; scripts should use an API token instead of the session cookie.',
  'hint.auth.sign_in_again':
    'Sign in again with: planning login --server <url> (scripts: planning tokens create).',

  // Users
  'error.user.not_found': "User '{username}' not found.",
  'error.user.not_found_by_id': 'User with id {id} not found.',
  'error.user.disabled': "User '{username}' is disabled.",
  'error.user.exists': "User '{username}' already exists.",
  'error.user.invalid_user': 'Invalid user: {detail}.',
  'error.user.invalid_employee_id': 'Invalid employee id: {detail}.',
  'error.user.invalid_password': 'Invalid password: {detail}.',
  'error.user.username_invalid': "Username '{username}' is not valid: {detail}.",
  'error.user.cannot_disable_self': "You cannot disable yourself ('{username}'); ask another admin.",
  'error.user.cannot_lower_own_role':
    "You cannot lower your own role ('{username}') from {from} to {to}; ask another admin.",
  'error.user.local_has_no_password': "User '{username}' is a local operator and has no password.",
  'error.user.first_admin_exists':
    'The database already has {count} user(s) who sign in; the first admin is made only once.',
  'hint.user.list': 'planning users list shows who exists.',
  'hint.user.disable_instead':
    'Disable it instead: PATCH /api/admin/users/{username} with {"disabled": true}.',
  'hint.user.create_admin':
    'Sign in as an admin and use: planning users create --username <u> --role admin --password-stdin',

  // API tokens
  'error.token.name_length': 'A token name is 1-128 characters.',
  'error.token.days': 'A token lasts 1-{max} days, not {days}.',
  'error.token.local_user':
    "User '{username}' is a local operator and gets no API tokens: the local operator is trusted through server.json.",
  'error.token.prefix_or_id': 'Name the token by its prefix or by its id (one of them).',
  'error.token.prefix_invalid': "Token prefix '{prefix}' is not 8 hex characters.",
  'error.token.not_found_by_prefix': "API token with prefix '{prefix}' not found.",
  'error.token.not_found_by_id': 'API token with id {id} not found.',
  'error.token.several_by_prefix': "Several API tokens have prefix '{prefix}'.",
  'error.token.several_by_id': 'Several API tokens have id {id}.',
  'error.token.admins_only_list':
    "Only admins may list the tokens of '{username}'; you are {role} ('{self}').",
  'error.token.admins_only_create':
    "Only admins may create a token for '{username}'; you are {role} ('{self}').",
  'hint.token.name_person': 'Name the person the token is for (username).',
  'hint.token.list_ids': 'planning tokens list --user <u> shows their ids; revoke with --id.',

  // Input sets and their references
  'error.input_set.not_found': "Input set '{ref}' not found.",
  'error.input_set.ref_invalid': "'{text}' is not an input set reference.",
  'error.input_set.label_invalid': "'{text}' is not a valid label.",
  'error.input_set.not_a_label': "'{text}' is not an input set label.",
  'error.input_set.label_value_invalid': "The label '{text}' is not valid: {detail}",
  'error.input_set.version_id_invalid': "The version id '{text}' is not valid: {detail}",
  'error.input_set.no_such_table': "There is no table '{text}'.",
  'hint.input_set.tables': 'Tables: {tables}.',
  'hint.input_set.ref_form':
    'Use a label (weekly_refresh), label@draft or label@rN: lowercase a-z, 0-9, ".", "_" and "-".',
  'hint.input_set.check_label':
    'Check the label for typos; `planning list` shows every label and its exact reference.',
  'hint.input_set.only_draft': "Only a draft exists: use '{label}@draft', or approve it first.",
  'hint.input_set.only_draft_revision':
    "Only a draft exists: use '{label}@draft' (r{revision}), or approve it first.",
  'hint.label.form':
    'A label is 1-63 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit.',

  // Uploads and the files of a bundle
  'error.upload.not_multipart': 'Send the bundle as multipart/form-data with one or more "files" parts.',
  'error.upload.declared_too_large': 'The upload is {bytes} bytes; the limit is {max}.',
  'error.upload.unreadable': 'Unreadable multipart request: {detail}',
  'error.upload.field_name_too_long': "A field name starting '{name}' is too long.",
  'error.upload.field_too_long': "The field '{name}' is longer than {max} bytes.",
  'error.upload.too_large': 'The upload exceeds {max} bytes.',
  'error.upload.file_too_large': "'{name}' exceeds {max} bytes.",
  'error.upload.too_many_files': 'Send at most {max} files in one upload.',
  'error.upload.too_many_fields': 'Send at most {max} fields in one upload.',
  'error.upload.too_many_parts': 'Too many parts in the upload.',
  'error.upload.interrupted': 'The upload was interrupted before it was complete.',
  'error.upload.no_files': 'The upload holds no files. Add the CSV files, a .zip or input_set.json.',
  'error.upload.busy': 'The server is busy with {count} uploads; try again in {seconds} seconds.',
  'error.upload.validation_failed': 'The bundle has {count} error(s); nothing was stored.',
  'hint.upload.concurrency': 'UPLOAD_CONCURRENCY sets how many uploads one server takes at the same time.',
  'hint.upload.fix_rows':
    'Fix the rows listed in errors and upload again (or send allow_invalid=true to keep it as an invalid draft).',
  'error.bundle.path_missing': "'{path}' does not exist.",
  'error.bundle.folder_missing': "Folder '{path}' does not exist or is not a folder.",
  'error.bundle.zip_unreadable': 'The zip file could not be read: {detail}.',
  'error.bundle.zip_entry_unreadable': "The zip entry '{entry}' could not be read: {detail}.",
  'error.bundle.zip_unsafe_path': "The zip entry '{entry}' has an unsafe path.",
  'error.bundle.zip_twice': "The zip holds '{name}' twice.",
  'error.bundle.zip_too_many_files': 'The zip holds more than {max} files (all zips of one upload together).',
  'error.bundle.zip_too_large':
    'The zip inflates to more than {max} bytes (all zips of one upload together).',

  // Review: approve, revert, archive
  'error.review.four_eyes': "Four-eyes policy: '{username}' cannot approve this revision.",
  'error.review.four_eyes_local': "Four-eyes policy: the local operator '{username}' cannot approve '{ref}'.",
  'error.review.four_eyes_uploader':
    "Four-eyes policy: '{username}' uploaded the current content of '{ref}' and cannot also approve it.",
  'error.review.not_a_draft': "'{ref}' (r{revision}) is {status}; only a draft can be approved.",
  'error.review.has_errors': "'{ref}' has {count} validation error(s) and cannot be approved.",
  'error.review.needs_acknowledgement':
    "'{ref}' has {count} warning(s): approving it needs acknowledge_warnings: true.",
  'error.review.not_ready': "'{ref}' (r{revision}) is {status}; only the ready revision can be reverted.",
  'error.review.draft_blocks_revert':
    "'{label}' already has a draft (r{draftRevision}); '{ref}' cannot be reverted while it exists.",
  'error.review.already_archived': "'{ref}' is already archived.",
  'error.review.busy': "Another change to '{label}' is in progress; reload and try again.",
  'error.review.gone': "'{ref}' no longer exists; reload and try again.",
  'error.review.gone_state': "'{ref}' no longer exists ({state:revision_states}); reload and try again.",
  'error.review.content_changed':
    "The content of '{ref}' changed since it was reviewed (now {now}…, reviewed {reviewed}…); reload and review it again.",
  'error.review.reviewer_invalid': "The reviewer '{reviewer}' is not valid: {detail}",
  'error.review.comment_required': 'A comment is required.',
  'error.review.comment_too_long': 'A comment is at most 2000 characters.',
  'error.review.reason_required': 'A reason (comment) is required.',
  'error.review.reason_too_long': 'A reason (comment) is at most 2000 characters.',
  'hint.review.ask_another': 'Ask another reviewer to approve it.',
  'hint.review.sign_in_to_approve':
    'Approvals need a signed-in reviewer: planning login --server <url>, or the Review tab.',
  'hint.review.approve_draft': "Approve '{label}@draft'; `planning list` shows the label's revisions.",
  'hint.review.fix_errors':
    'Fix the rows listed under Problems (or in tmp/reports/import_planning_inputs.json) and upload the bundle again.',
  'hint.review.acknowledge':
    'Read the warnings, then tick "I have read the warnings" in the Review tab, or pass --acknowledge-warnings.',
  'hint.review.draft_blocks_revert': "Approve '{label}@draft' or have an admin archive it, then revert.",
  'error.review.check_errors':
    "'{ref}' has {count} finding(s) of severity error from the checks against the ready revision and cannot be approved.",
  'error.review.needs_check_acknowledgement':
    "'{ref}' has {count} check finding(s) of severity warning: approving it needs acknowledge_warnings: true.",
  'hint.review.check_errors':
    'See them with `planning checks --label {ref}` or in the Review tab; fix the data and upload again, or ask an admin to change the policy of {label} and upload again.',
  'hint.review.acknowledge_checks':
    'Read the findings (`planning checks --label {ref}` or the Review tab), then acknowledge the warnings to approve.',

  // Events and evidence
  'error.events.backfill_has_events':
    "'{ref}' (r{revision}) already has {count} event(s); backfill is only for a revision without any.",
  'error.events.not_a_label': "'{text}' is not a label.",
  'error.events.date_invalid': "'{text}' is not a date: use YYYYMMDD, e.g. 20261125.",
  'hint.events.see_them': 'See them with: planning events --label {label}',
  'hint.events.use_label': "Events belong to a label across all its revisions: use '{label}'.",

  // Diff
  'error.diff.nothing_to_compare': "Input set '{ref}' has no earlier revision to compare with.",
  'error.diff.not_queued': 'The diff job could not be queued; try again.',
  'hint.diff.name_revision': 'Name the other side: against={label}@r<N> (planning list shows the revisions).',
  'hint.diff.name_draft_or_revision': 'Name the other side: against={label}@draft or {label}@r<N>.',

  // Runs and plans
  'error.run.not_found': "Run '{id}' not found.",
  'error.run.no_snapshot': "Run '{id}' has no planning_input_set.json.",
  'error.run.snapshot_missing':
    "The planning_input_set.json of run '{id}' is missing from the artifact store.",
  'error.run.draft_named': "Runs use ready input sets only; '{text}' names a draft.",
  'error.run.revision_named': "Runs use ready input sets only; '{text}' names a specific revision.",
  'error.plan.not_found': "Plan '{id}' not found.",
  'error.plan.name_length': 'A plan name is 1-128 characters.',
  'error.plan.exists': "A plan named '{name}' already exists.",
  'hint.run.ids': 'Run ids are UUIDs; `planning runs list` and GET /api/runs show recent runs.',
  'hint.run.failed': 'The run failed: {detail}',
  'hint.run.failed_see_detail': 'The run failed: see the run detail',
  'hint.run.no_snapshot':
    'Only runs with a ready input set write it; this run has a Legacy mode or Missing InputSet warning.',
  'hint.run.check_artifact_dir': 'Expected {path} under ARTIFACT_DIR (sha256 {sha256}); check ARTIFACT_DIR.',
  'hint.run.name_label':
    'Name the label \'{label}\' (its ready revision). A draft becomes ready when approved: pnpm planning review --label {label}@draft --action approve --reviewer <id> --comment "..."',
  'hint.plan.label': 'A plan links a label (its ready revision is used), not label@draft or label@rN.',
  'hint.plan.list': '`planning plans list` shows every plan and its id.',

  // Problems a client makes up itself (the SPA): no answer, or one that is not problem+json
  'error.client.network': 'The server could not be reached. Check your connection and try again.',
  'error.client.too_large': 'The upload is too large for the server.',
  'error.client.http_status': 'The server answered {status}.',
  'error.client.http_status_text': 'The server answered {status} {statusText}.',
  'error.client.contract_mismatch': "The server's answer to {path} did not have the expected shape.",
  'title.client.network': 'Network error',
  'title.client.http_status': 'HTTP {status}',
  'title.client.contract_mismatch': 'Unexpected response',
} as const;
