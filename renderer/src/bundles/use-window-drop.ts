import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { offerDroppedFiles } from './dropped-bundles';

/** Files dropped on the window: .dvb bundles open the Gửi, nhận screen; anything else is ignored (never opened). */
export function useWindowDrop(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      if (offerDroppedFiles([...(e.dataTransfer?.files ?? [])])) navigate('/goi-tin');
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [navigate]);
}
