import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TRole } from '@planning-hub/contracts/api/auth';
import { paths } from '../../config/paths';
import { useHasRole, useSession } from '../../lib/auth/get-session';
import { useT } from '../../i18n/i18n-context';

/** A page for `role` and above; others are told which role it needs (the API refuses them anyway). */
export function RequireRole({ role, children }: { role: TRole; children: ReactNode }) {
  const t = useT();
  const isAllowed = useHasRole(role);
  const { data: session } = useSession();
  if (isAllowed) return children;
  return (
    <section className="stack" aria-labelledby="forbidden-title">
      <title>{`${t('forbidden.title')} · ${t('app.name')}`}</title>
      <h1 id="forbidden-title">{t('forbidden.title')}</h1>
      <p>
        {t('forbidden.body', {
          role: session ? t(`role.${session.user.role}`) : '',
          required: t(`role.${role}`),
        })}
      </p>
      <p>
        <Link to={paths.inputSets.getHref()}>{t('notFound.backToList')}</Link>
      </p>
    </section>
  );
}
