import { useApp } from '../../../app/context';
import { useLoad } from '../../../app/useLoad';
import { Card, EmptyState, ErrorBanner, Loading } from '../../../components/Page';
import { TimeAgo, when } from '../../../components/Time';
import { Actor } from '../../users/Actor';
import { usePeople } from '../../users/usePeople';

const SHOWN = 20;

/** The tenant's newest audit entries: what happened, who did it (by name), when. */
export function HistoryCard({ tenantId }: { tenantId: string }) {
  const { api } = useApp();
  const history = useLoad(() => api.history(tenantId, SHOWN), [api, tenantId]);
  const people = usePeople();
  return (
    <Card title="History" id="tenant-history">
      {history.error && <ErrorBanner message={history.error} onRetry={history.reload} />}
      {!history.data && !history.error && <Loading />}
      {history.data && history.data.length === 0 && <EmptyState title="Nothing happened yet" />}
      {history.data && history.data.length > 0 && (
        <table class="table" data-testid="history-table">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th></tr></thead>
          <tbody>
            {history.data.map((entry) => (
              <tr key={entry.sequence} data-event={entry.type}>
                <td class="nowrap"><span title={when(entry.occurred_at)}><TimeAgo at={entry.occurred_at} /></span></td>
                <td><Actor actor={entry.actor} users={people} /></td>
                <td>{entry.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
