// Resolves the theme setting to light or dark, following the operating system when asked to.
import { useEffect, useState } from 'react';
import { useAppStore } from '../store';

const darkQuery = '(prefers-color-scheme: dark)';

export function useResolvedTheme(): 'light' | 'dark' {
  const setting = useAppStore((s) => s.app.settings?.['ui.theme'] ?? 'system');
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(darkQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const update = () => setSystemDark(media.matches);
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  const resolved = setting === 'system' ? (systemDark ? 'dark' : 'light') : setting;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    document.documentElement.style.colorScheme = resolved;
  }, [resolved]);
  return resolved;
}
