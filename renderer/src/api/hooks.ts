import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import { callApi } from './client';

/** Reads through the contract; the query key is the operation and its input. */
export function useApiQuery<N extends OperationName>(name: N, input: OperationInput<N>, options: { enabled?: boolean; refetchInterval?: number | false } = {}) {
  return useQuery({ queryKey: [name, input], queryFn: () => callApi(name, input), enabled: options.enabled ?? true, refetchInterval: options.refetchInterval });
}

/** Writes through the contract, then refreshes every read whose operation starts with one of `invalidates`. */
export function useApiMutation<N extends OperationName>(name: N, invalidates: string[]) {
  const client = useQueryClient();
  return useMutation<OperationOutput<N>, Error, OperationInput<N>>({
    mutationFn: (input) => callApi(name, input),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) => invalidates.some((prefix) => String(q.queryKey[0]).startsWith(prefix)),
      }),
  });
}
