import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Each figure as a percentage of the same period a year earlier, one horizontal bar per figure with a line
 * at 100 %: figures of very different sizes (150 dialogues, 250 000 dossiers) compare on one scale.
 */
export function CompareChart({ data, label }: { data: { name: string; percent: number }[]; label: string }) {
  if (!data.length) return null;
  return (
    <div aria-label={label} role="img" style={{ width: '100%', height: 40 + data.length * 30 }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" unit="%" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={260} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => [`${String(v)}%`, label]} />
          <ReferenceLine x={100} stroke="#555" />
          <Bar dataKey="percent" fill="#1677ff" isAnimationActive={false}>
            <LabelList dataKey="percent" position="right" formatter={(v) => `${String(v)}%`} style={{ fontSize: 12 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
