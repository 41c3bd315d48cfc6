import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** A bar per item, 0–100 %. */
export function PercentChart({ data, color = '#b3261e', label }: { data: { name: string; percent: number }[]; color?: string; label: string }) {
  if (!data.length) return null;
  return (
    <div aria-label={label} role="img" style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 20, right: 12, left: 0, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [`${String(v)}%`, label]} />
          <Bar dataKey="percent" fill={color} isAnimationActive={false}>
            <LabelList dataKey="percent" position="top" formatter={(v) => `${String(v)}%`} style={{ fontSize: 12 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
