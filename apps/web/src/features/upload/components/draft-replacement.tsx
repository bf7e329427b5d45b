import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { paths } from '../../../config/paths';
import { formatJst, shortHash } from '../../../lib/format';
import { useThrottledValue } from '../../../lib/use-throttled-value';
import { useT } from '../../../i18n/i18n-context';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { labelRevisionQueryOptions, useLabelRevision } from '../api/find-label-revision';
import { checkLabel } from '../upload-fields';
import type { TUploadRequest } from '../api/upload-input-set';

/** How often the label being typed is looked up. */
const LOOKUP_INTERVAL_MS = 400;

type TPendingReplacement = { request: TUploadRequest; draft: TInputSetSummary };

/**
 * An upload to a label with a draft replaces that draft (docs/design.md section 4). The form says
 * so as soon as the label is typed, and asks "Replace the draft" before sending.
 */
export function useDraftReplacement(label: string) {
  const queryClient = useQueryClient();
  const lookedUp = useThrottledValue(label, LOOKUP_INTERVAL_MS);
  const draft = useLabelRevision(lookedUp, 'draft', { enabled: checkLabel(lookedUp) === null });
  const [pending, setPending] = useState<TPendingReplacement | null>(null);

  /** Sends at once when the label has no draft; otherwise asks first (read afresh, not from the cache). */
  async function sendOrConfirm(request: TUploadRequest, send: (request: TUploadRequest) => void) {
    let current: TInputSetSummary | null;
    try {
      current = await queryClient.fetchQuery({
        ...labelRevisionQueryOptions(request.label, 'draft'),
        staleTime: 0,
      });
    } catch {
      // The look-up is a courtesy: the upload itself still says what it replaced.
      current = null;
    }
    if (current) setPending({ request, draft: current });
    else send(request);
  }

  return {
    /** The label's draft, once the label typed has been looked up. */
    draft: lookedUp === label ? (draft.data ?? null) : null,
    pending,
    sendOrConfirm,
    dismiss: () => setPending(null),
  };
}

/** Shown in the form while the label typed has a draft: whose it is and when it was uploaded. */
export function DraftNotice({ draft, id }: { draft: TInputSetSummary; id: string }) {
  const t = useT();
  return (
    <div className="alert alert--warning field--wide" role="note" id={id}>
      <div className="alert-body">
        <p className="alert-title">{t('upload.draft.title', { ref: draft.ref })}</p>
        <p>
          {t('upload.draft.body', {
            revision: `r${draft.revision}`,
            versionId: draft.versionId,
            user: draft.uploadedBy,
            time: formatJst(draft.updatedAt),
          })}
        </p>
        <p>
          <Link to={paths.inputSetReview.getHref(draft.ref)}>
            {t('upload.draft.review', { ref: draft.ref })}
          </Link>
        </p>
      </div>
    </div>
  );
}

type TReplaceDraftDialogProps = {
  pending: TPendingReplacement | null;
  onConfirm: (request: TUploadRequest) => void;
  onCancel: () => void;
};

/** "Replace the draft": the explicit confirmation before an upload overwrites someone's draft. */
export function ReplaceDraftDialog({ pending, onConfirm, onCancel }: TReplaceDraftDialogProps) {
  const t = useT();
  const draft = pending?.draft;
  return (
    <ConfirmDialog
      isOpen={pending !== null}
      title={draft ? t('upload.replace.title', { ref: draft.ref }) : ''}
      confirmLabel={t('upload.replace.confirm')}
      onConfirm={() => {
        if (pending) onConfirm(pending.request);
      }}
      onCancel={onCancel}
    >
      {draft ? (
        <>
          <p>
            {t('upload.replace.body', {
              ref: draft.ref,
              revision: `r${draft.revision}`,
              versionId: draft.versionId,
              hash: shortHash(draft.contentHash),
              user: draft.uploadedBy,
              time: formatJst(draft.updatedAt),
            })}
          </p>
          <p className="muted">{t('upload.replace.kept')}</p>
        </>
      ) : null}
    </ConfirmDialog>
  );
}
