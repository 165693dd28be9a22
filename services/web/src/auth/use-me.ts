import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/api-error';
import type { Me, Role } from '../api/types';

export const ME_KEY = ['me'] as const;

/** Who is signed in, or null when the gateway answers 401 (the sign-in page is shown then). */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      const { data, error, response } = await api.GET('/api/auth/me');
      if (response.status === 401) return null;
      if (error !== undefined) throw ApiError.of(response.status, error);
      return data;
    },
    staleTime: Infinity,
    retry: false,
  });
}

export const SignedInContext = createContext<Me | null>(null);

/** The signed-in person, for screens under the application shell (which renders only when there is one). */
export function useMe(): Me {
  const me = useContext(SignedInContext);
  if (!me) throw new Error('useMe outside the signed-in application');
  return me;
}

export const hasRole = (me: Me, ...roles: Role[]): boolean => roles.some((role) => me.roles.includes(role));

/** After sign-in (who signed in) or sign-out (null): everything else cached belonged to the previous person. */
export function useResetSession(): (me: Me | null) => void {
  const client = useQueryClient();
  return (me) => {
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    client.setQueryData(ME_KEY, me);
  };
}
