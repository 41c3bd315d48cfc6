import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAME_LIST } from '../shared/api/operation-names';

// The page gets exactly one function: call an operation of the contract by name. The names come as a plain
// list (no zod, no schemas): the main process validates every input against the contract anyway.
const allowed = new Set<string>(OPERATION_NAME_LIST);

contextBridge.exposeInMainWorld('danvan', {
  invoke(name: string, input: unknown) {
    if (!allowed.has(name)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Thao tác không tồn tại: ${name}` } });
    return ipcRenderer.invoke('danvan:invoke', name, input);
  },
});
