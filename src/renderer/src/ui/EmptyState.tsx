// The designed empty state every view shows before it has anything: what this place is for, and what to do next.
import type { ReactNode } from 'react';
import { Icon } from './Icon';

export function EmptyState({ icon, title, children, testId }: { icon: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-state-icon">
        <Icon name={icon} size={40} />
      </div>
      <h2>{title}</h2>
      <div className="empty-state-body">{children}</div>
    </div>
  );
}
