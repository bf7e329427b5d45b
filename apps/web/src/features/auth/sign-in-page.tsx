import { useId, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../../config/paths';
import { isApiError } from '../../lib/api-client';
import { useSession } from '../../lib/auth/get-session';
import { useSignIn } from '../../lib/auth/sign-in';
import { useT } from '../../i18n/i18n-context';
import { FormField } from '../../components/ui/form-field';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { ProblemAlert } from '../../components/ui/problem-alert';

export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const session = useSession();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const usernameId = useId();
  const passwordId = useId();

  if (session.isSuccess && !signIn.isPending) return <Navigate to={next} replace />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signIn.mutate(
      { username: username.trim(), password },
      { onSuccess: () => navigate(next, { replace: true }) },
    );
  }

  return (
    <div className="sign-in">
      <title>{`${t('signIn.title')} · ${t('app.name')}`}</title>
      <div className="sign-in-tools">
        <LanguageSwitch />
      </div>
      <main className="sign-in-card">
        <p className="app-brand app-brand--large">
          <span className="app-brand-mark" aria-hidden="true">
            P
          </span>
          {t('app.name')}
        </p>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {signIn.isError ? (
          <ProblemAlert
            error={signIn.error}
            title={t('signIn.failed')}
            // Sign-in answers 401 for exactly one reason.
            detail={
              isApiError(signIn.error) && signIn.error.status === 401
                ? t('signIn.wrongCredentials')
                : undefined
            }
          />
        ) : null}
        <form className="stack" onSubmit={handleSubmit} noValidate={false}>
          <FormField id={usernameId} label={t('signIn.username')}>
            {(control) => (
              <input
                {...control}
                className="input"
                name="username"
                autoComplete="username"
                required
                maxLength={64}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                autoFocus
              />
            )}
          </FormField>
          <FormField id={passwordId} label={t('signIn.password')}>
            {(control) => (
              <input
                {...control}
                className="input"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={256}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </FormField>
          <button type="submit" className="btn btn--primary btn--block" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
