const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers in natural order. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortVietnamese<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVietnamese(key(x), key(y)));
}
