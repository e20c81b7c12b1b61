/**
 * What is installed: each pack with its version, how many items it puts on the shelves, the room its
 * files take and when it came, and the free room left. Removing one asks first, says what will go, and
 * happens in one step like an import.
 */
import { useEffect, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { InstalledPackSummary } from '../../preload/contract/packs.ts';
import { KioskError } from '../../preload/contract/client.ts';
import type { ErrorCode } from '../../preload/contract/envelope.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { formatBytes } from './format-bytes.ts';
import { StaffErrorPanel } from './StaffErrorPanel.tsx';
import './staff.css';
import { useStaffCall } from './use-staff-call.ts';

type Collection = { packs: InstalledPackSummary[]; freeBytes: number };

export function CollectionScreen() {
  const { t, locale } = useI18n();
  const call = useStaffCall();
  const [loads, setLoads] = useState(0);
  const [collection, setCollection] = useState<Collection | { failed: ErrorCode } | undefined>();
  const [asking, setAsking] = useState<InstalledPackSummary | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const i18n = useI18n();

  useEffect(() => {
    call('staff.collection', {}).then(setCollection, (error: unknown) =>
      setCollection({ failed: error instanceof KioskError ? error.code : 'internal' }),
    );
  }, [call, loads]);

  const remove = async (pack: InstalledPackSummary) => {
    setAsking(undefined);
    const answer = await call('staff.removePack', { packId: pack.id }).catch(() => undefined);
    setNotice(removalNotice(i18n, pack, answer));
    setLoads((n) => n + 1);
  };

  return (
    <main className="staff staff-collection" aria-busy={collection === undefined}>
      <h1>{t('staff.collection.title')}</h1>
      {notice && (
        <p className="staff-outcome done" role="status" data-testid="collection-notice">
          {notice}
        </p>
      )}
      {collection && 'failed' in collection && (
        <StaffErrorPanel code={collection.failed} onRetry={() => setLoads((n) => n + 1)} />
      )}
      {collection && 'packs' in collection && (
        <>
          <p className="lead">{t('staff.collection.free', { size: formatBytes(collection.freeBytes, locale) })}</p>
          {collection.packs.length === 0 && <p className="quiet">{t('staff.collection.empty')}</p>}
          <ul className="staff-packs">
            {collection.packs.map((pack) => (
              <li key={pack.id} className="staff-pack" data-testid="installed-pack">
                <div className="staff-pack-what">
                  <strong>{pack.id}</strong>
                  <span>{t('staff.import.version', { version: pack.version, kind: 'full' })}</span>
                  <span>{t('staff.import.channel', { channel: pack.channel })}</span>
                  <span>
                    {t('staff.collection.holds', { items: pack.itemCount, size: formatBytes(pack.bytes, locale) })}
                  </span>
                  <span className="staff-pack-where">
                    {t('staff.collection.since', {
                      date: new Intl.DateTimeFormat(locale.startsWith('mn') ? 'mn' : locale, {
                        dateStyle: 'long',
                      }).format(new Date(pack.installedAt)),
                    })}
                  </span>
                </div>
                <button type="button" className="button big" onClick={() => setAsking(pack)}>
                  {t('staff.collection.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {asking && (
        <ConfirmDialog
          title={t('staff.collection.confirmTitle', { pack: asking.id })}
          body={t('staff.collection.confirmBody', { items: asking.itemCount })}
          no={t('staff.collection.keep')}
          yes={t('staff.collection.removeNow')}
          onYes={() => void remove(asking)}
          onNo={() => setAsking(undefined)}
          yesTestId="confirm-remove"
        />
      )}
    </main>
  );
}

function removalNotice(
  { t, locale }: I18n,
  pack: InstalledPackSummary,
  answer: { ok: true; bytesFreed: number } | { ok: false; error: { code: string } } | undefined,
): string {
  if (answer?.ok) return t('staff.collection.removed', { pack: pack.id, size: formatBytes(answer.bytesFreed, locale) });
  if (answer?.error.code === 'busy') return t('packs.error.busy');
  return t('staff.collection.removeFailed');
}
