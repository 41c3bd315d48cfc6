import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

/** The centred card of the screens before work starts: first administrator, sign-in, new password. */
export function AuthCard({ title, intro, officeName, children }: { title: string; intro?: ReactNode; officeName?: string; children: ReactNode }) {
  return (
    <div className="dv-centered">
      <Card style={{ width: 460, maxWidth: '100%' }}>
        {officeName && <Typography.Text type="secondary">{officeName}</Typography.Text>}
        <Typography.Title level={3} style={{ marginTop: 4 }}>{title}</Typography.Title>
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        {children}
      </Card>
    </div>
  );
}
