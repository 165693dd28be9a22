import { connect } from 'nats';

/**
 * Whether this checkout's services can sign in to the NATS at `url` with their passwords: null when they can,
 * otherwise one line saying what to do. A NATS left running from another checkout (its own passwords) holds the
 * port and refuses every service, which would otherwise show only as crash-looping services.
 */
export async function natsAccessProblem(url: string, user: string, password: string): Promise<string | null> {
  try {
    const connection = await connect({ servers: url.split(','), user, pass: password, timeout: 5000, maxReconnectAttempts: 0 });
    await connection.close();
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'AUTHORIZATION_VIOLATION') {
      return `the NATS at ${url} refuses this checkout's services: it was started from another eduplan checkout with other passwords. Stop it, then run npm start again (or set NATS_URL to a free port).`;
    }
    return `cannot reach NATS at ${url}: ${error instanceof Error ? error.message : String(error)}. Run npm run setup, which starts it.`;
  }
}
