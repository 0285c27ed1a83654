// The mentorship term a file belongs to, read from its path: `programs/lfx-mentorship/2024/03-Sep-Nov/…`,
// `programs/summerofcode/2024.md`, or a corpus copy named `lfx-mentorship_2024_03-Sep-Nov__….md`.
export interface Term {
  /** Stable, sortable id: `2024/03-Sep-Nov`, `2020/q3-q4`, `gsoc/2024`. */
  id: string;
  /** For people: `LFX 2024 03-Sep-Nov`, `GSoC 2024`. */
  label: string;
  year: number;
  program: 'lfx' | 'gsoc' | 'unknown';
}

export function termOfPath(path: string): Term | undefined {
  const p = path.replace(/\\/g, '/');
  let m = /lfx-mentorship[/_](\d{4})[/_]([A-Za-z0-9-]+?)(?:[/_]|$)/.exec(p);
  if (m) return { id: `${m[1]}/${m[2]}`, label: `LFX ${m[1]} ${m[2]}`, year: Number(m[1]), program: 'lfx' };
  m = /summerofcode[/_](\d{4})/.exec(p);
  if (m) return { id: `gsoc/${m[1]}`, label: `GSoC ${m[1]}`, year: Number(m[1]), program: 'gsoc' };
  return undefined;
}
