// The activity bar: one button per view, the way developers know it from their editor.
import { viewTitle } from '../commands';
import { views } from '../features/layout/layoutSlice';
import { useAppStore } from '../store';
import { Icon } from './Icon';

export function ActivityBar() {
  const view = useAppStore((s) => s.layout.view);
  const panelOpen = useAppStore((s) => s.layout.panelOpen);
  const showView = useAppStore((s) => s.showView);
  const togglePanel = useAppStore((s) => s.togglePanel);
  return (
    <nav className="activity-bar" aria-label="Views">
      {views.map((id, index) => {
        const active = id === 'console' ? panelOpen : id === view;
        return (
          <button
            key={id}
            type="button"
            className={`activity-button${active ? ' active' : ''}${id === 'settings' ? ' bottom' : ''}`}
            aria-label={viewTitle(id)}
            aria-pressed={active}
            title={`${viewTitle(id)} (Ctrl+${index + 1})`}
            data-testid={`activity-${id}`}
            onClick={() => (id === 'console' ? togglePanel() : showView(id))}
          >
            <Icon name={id} />
          </button>
        );
      })}
    </nav>
  );
}
