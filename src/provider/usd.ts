/**
 * Amounts in US dollars as people read them: "$0.00", four decimals below a dollar (a suggestion
 * costs fractions of a cent), two from a dollar on. The status bar, the actions' notices and the
 * report write every cost through here.
 */

export function formatUsd(usd: number): string {
  if (usd === 0) return '$0.00';
  return usd < 1 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}
