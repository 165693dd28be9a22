import { AccountRoutes } from '@eduplan/contracts';
import type { BusClient } from '@eduplan/platform';

/**
 * With no administrator nobody can sign in to create accounts: what `npm start` prints then, or null when
 * an active administrator exists.
 */
export async function firstAdministratorAdvice(bus: BusClient): Promise<string | null> {
  const { count } = await bus.request(AccountRoutes.countAdmins, {});
  if (count > 0) return null;
  return [
    'No administrator account yet. Create the first one (the password is read from standard input):',
    '  npm run -s eduplan -- user add LOGIN --role admin --name "Фамилия Имя Отчество" --password-stdin',
    'Other accounts the same way, e.g. --role reporter --organization ORGANIZATION_ID.',
  ].join('\n');
}
