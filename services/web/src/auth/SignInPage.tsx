import { Button, Card, Link, Text, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import { errorText } from '../api/api-error';
import { Field } from '../components/Field';
import { useResetSession } from './use-me';

/** Sign-in with login and password, and single sign-on when the gateway has it configured. */
export function SignInPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const reset = useResetSession();
  const options = useQuery({ queryKey: ['auth-options'], queryFn: () => ok(api.GET('/api/auth/options')) });
  const signIn = useMutation({
    mutationFn: () => ok(api.POST('/api/auth/login', { body: { login: login.trim(), password } })),
    onSuccess: (me) => reset(me),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <main className="sign-in">
      <Card view="outlined" style={{ padding: 24 }}>
        <form id="login-form" onSubmit={submit} noValidate>
          <Text as="h1" variant="header-2" className="page-title">
            Вход в eduplan
          </Text>
          <div style={{ display: 'grid', gap: 12 }}>
            <Field label="Логин" id="login">
              <TextInput id="login" name="login" value={login} onUpdate={setLogin} autoComplete="username" autoFocus size="l" />
            </Field>
            <Field label="Пароль" id="password">
              <TextInput id="password" name="password" type="password" value={password} onUpdate={setPassword} autoComplete="current-password" size="l" />
            </Field>
            {signIn.isError && (
              <Text as="p" color="danger" role="alert" className="sign-in-error">
                {errorText(signIn.error)}
              </Text>
            )}
            <Button type="submit" view="action" size="l" width="max" loading={signIn.isPending} disabled={!login || !password}>
              Войти
            </Button>
          </div>
        </form>
        {options.data?.oidc && (
          <p style={{ textAlign: 'center', marginBottom: 0 }}>
            <Link id="sso-link" href="/api/auth/oidc/start">
              Войти через единый вход организации
            </Link>
          </p>
        )}
      </Card>
    </main>
  );
}
