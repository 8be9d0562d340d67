// Line icons for the activity bar and buttons, drawn inline so nothing is fetched at run time.
const paths: Record<string, string> = {
  project: 'M3 6h6l2 2h10v11H3z',
  specs: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  editor: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  review: 'M4 12l5 5L20 6',
  console: 'M4 5h16v14H4zM7 9l3 3-3 3M12 15h5',
  history: 'M12 7v5l3 2M3 12a9 9 0 1 0 3-6.7M3 4v4h4',
  settings: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM19 12l2-1-1-3-2 .3-1.4-1.4L17 5l-3-1-1 2h-2L10 4 7 5l.4 2L6 8.6 4 8.3 3 11l2 1v0l-2 1 1 3 2-.3 1.4 1.4L7 19l3 1 1-2h2l1 2 3-1-.4-2 1.4-1.4 2 .3 1-3z',
  close: 'M6 6l12 12M18 6L6 18',
  drop: 'M12 3v12M7 10l5 5 5-5M4 19h16',
};

export type IconName = keyof typeof paths;

export function Icon({ name, size = 22 }: { name: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={paths[name] ?? ''} />
    </svg>
  );
}
