// Shows an ErrorData as a person reads it: the message, and a way to dismiss or retry.
import type { ErrorData } from '../../../shared/errors';

export function ErrorNotice({ error, onDismiss, onRetry }: { error: ErrorData; onDismiss?: () => void; onRetry?: () => void }) {
  return (
    <div className="error-notice" role="alert">
      <span className="error-code">{error.code}</span>
      <span className="error-message">{error.message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
      {onDismiss && (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
