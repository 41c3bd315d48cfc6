import { highlightRanges } from '../../../shared/text/highlight';

/** Text with the words of a (diacritic-free) query marked. */
export function Highlighted({ text, query }: { text: string; query: string }) {
  const ranges = highlightRanges(text, query);
  if (!ranges.length) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([from, to], i) => {
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={i}>{text.slice(from, to)}</mark>);
    at = to;
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}
