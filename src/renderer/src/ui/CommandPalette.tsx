// The command palette (Ctrl+Shift+P / F1): type to filter, arrows to choose, Enter to run.
import { useMemo, useState } from 'react';
import { commands } from '../commands';
import { useAppStore } from '../store';
import { matchesQuery } from './matchesQuery';

export function CommandPalette() {
  const setPaletteOpen = useAppStore((s) => s.setPaletteOpen);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const matches = useMemo(() => commands().filter((command) => matchesQuery(command.title, query)), [query]);

  const run = (index: number) => {
    const command = matches[index];
    if (!command) return;
    setPaletteOpen(false);
    command.run();
  };

  return (
    <div className="palette-backdrop" onMouseDown={() => setPaletteOpen(false)}>
      <div className="palette" role="dialog" aria-label="Command palette" onMouseDown={(event) => event.stopPropagation()}>
        <input
          autoFocus
          aria-label="Type a command"
          placeholder="Type a command…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, matches.length - 1));
            else if (event.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
            else if (event.key === 'Enter') run(selected);
            else if (event.key === 'Escape') setPaletteOpen(false);
            else return;
            event.preventDefault();
          }}
        />
        <ul role="listbox">
          {matches.length === 0 && <li className="palette-empty">No command matches “{query}”.</li>}
          {matches.map((command, index) => (
            <li
              key={command.id}
              role="option"
              aria-selected={index === selected}
              className={index === selected ? 'selected' : undefined}
              onMouseEnter={() => setSelected(index)}
              onClick={() => run(index)}
            >
              <span>{command.title}</span>
              {command.shortcut && <kbd>{command.shortcut}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
