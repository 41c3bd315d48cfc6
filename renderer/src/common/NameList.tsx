import { useState } from 'react';
import { Button } from 'antd';

/** A list of unit names that stays short at province scale: 150 communes show as "…, và 146 đơn vị khác" until opened. */
export function NameList({ names, shown = 4 }: { names: string[]; shown?: number }) {
  const [open, setOpen] = useState(false);
  if (open || names.length <= shown + 1) return <>{names.join(', ')}</>;
  return (
    <>
      {names.slice(0, shown).join(', ')},{' '}
      <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setOpen(true)}>
        và {names.length - shown} đơn vị khác
      </Button>
    </>
  );
}
