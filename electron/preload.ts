import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../shared/api/contract';

// The page gets exactly one function: call an operation of the contract by name.
const allowed = new Set<string>(OPERATION_NAMES);

contextBridge.exposeInMainWorld('danvan', {
  invoke(name: string, input: unknown) {
    if (!allowed.has(name)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Thao tác không tồn tại: ${name}` } });
    return ipcRenderer.invoke('danvan:invoke', name, input);
  },
});
