// A real OpenID provider (the certified `oidc-provider`) for tests, run with plain node because the package
// is ESM. Anyone may sign in with any login through its development login form; the login becomes the
// subject and `<login>@minobr.example` the verified e-mail.
// Environment: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, email: `${id}@minobr.example`, email_verified: true }),
  }),
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['eduplan-test-provider'] },
});
provider.listen(port, '127.0.0.1', () => console.log(`oidc provider ready on ${port}`));
