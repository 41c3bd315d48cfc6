import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiCallError } from './api/client';
import { HashRouter } from 'react-router';
import { Root } from './Root';
import './styles.css';

dayjs.locale('vi');

// Signed out elsewhere (or a reset password to change): back to the screen that says so.
const backToSignIn = (error: unknown) => {
  if (error instanceof ApiCallError && error.error.code === 'SIGN_IN_REQUIRED') void queryClient.invalidateQueries({ queryKey: ['app.status'] });
};
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: backToSignIn }),
  mutationCache: new MutationCache({ onError: backToSignIn }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={viVN}
      // a click beside a dialog does not close it: what the clerk typed there (a reason, a date) stays
      modal={{ mask: { closable: false } }}
      // no animations: an old office PC answers sooner, and a button's spinner cannot outlive its work
      theme={{ token: { colorPrimary: '#b3261e', borderRadius: 6, fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif", motion: false } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <Root />
          </HashRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
