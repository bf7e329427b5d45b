import type { ReactNode } from 'react';
import type { TInputSetDetail } from '@planning-hub/contracts/api/input-sets';
import { formatBytes, formatJst } from '../../../lib/format';
import { useT } from '../../../i18n/i18n-context';
import { CopyButton } from '../../../components/ui/copy-button';
import { FilesTable } from '../../../components/ui/files-table';

function Empty() {
  return <span className="muted">—</span>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Who uploaded and approved what, when (JST), and what the files were. */
export function MetadataList({ inputSet }: { inputSet: TInputSetDetail }) {
  const t = useT();
  const files = inputSet.source.files ?? [];
  return (
    <dl className="kv">
      <Fact term={t('detail.contentHash')}>
        <span className="hash-line">
          <code className="hash">{inputSet.contentHash}</code>
          <CopyButton text={inputSet.contentHash} label={t('detail.copyHash')} />
        </span>
      </Fact>
      <Fact term={t('detail.uploadedBy')}>{inputSet.uploadedBy}</Fact>
      <Fact term={t('detail.createdAt')}>
        <time dateTime={inputSet.createdAt}>{formatJst(inputSet.createdAt)}</time>
      </Fact>
      <Fact term={t('detail.updatedAt')}>
        <time dateTime={inputSet.updatedAt}>{formatJst(inputSet.updatedAt)}</time>
      </Fact>
      <Fact term={t('detail.approvedBy')}>{inputSet.approvedBy ?? <Empty />}</Fact>
      <Fact term={t('detail.reviewerId')}>{inputSet.reviewerId ?? <Empty />}</Fact>
      <Fact term={t('detail.approvedAt')}>
        {inputSet.approvedAt ? (
          <time dateTime={inputSet.approvedAt}>{formatJst(inputSet.approvedAt)}</time>
        ) : (
          <Empty />
        )}
      </Fact>
      <Fact term={t('detail.reviewComment')}>
        {inputSet.reviewComment ? <span className="prewrap">{inputSet.reviewComment}</span> : <Empty />}
      </Fact>
      <Fact term={t('detail.note')}>
        {inputSet.note ? <span className="prewrap">{inputSet.note}</span> : <Empty />}
      </Fact>
      <Fact term={t('detail.source')}>
        {files.length === 0 ? (
          inputSet.source.kind ? (
            t(`detail.sourceKind.${inputSet.source.kind}`)
          ) : (
            <Empty />
          )
        ) : (
          <div className="stack-xs">
            {inputSet.source.kind ? <span>{t(`detail.sourceKind.${inputSet.source.kind}`)}</span> : null}
            <FilesTable
              caption={t('detail.files')}
              columns={
                <>
                  <th scope="col">{t('detail.fileName')}</th>
                  <th scope="col" className="num">
                    {t('detail.fileSize')}
                  </th>
                  <th scope="col">{t('detail.encoding')}</th>
                </>
              }
            >
              {files.map((file) => (
                <tr key={file.name}>
                  <td className="mono">{file.name}</td>
                  <td className="num">{formatBytes(file.bytes)}</td>
                  <td className="mono">{file.encoding ?? '—'}</td>
                </tr>
              ))}
            </FilesTable>
          </div>
        )}
      </Fact>
    </dl>
  );
}
