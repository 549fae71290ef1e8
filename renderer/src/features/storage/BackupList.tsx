// The backups to choose from, newest first: date, kind and size, one radio button per row.
import { useTranslation } from '../../i18n/ui-text';
import type { BackupInfo } from '../../../../shared/api/storage/methods';
import { isLanguage } from '../../i18n/i18n';
import { formatSize, formatWhen } from './format';

interface Props {
  backups: BackupInfo[];
  selected: string | null;
  onSelect(name: string): void;
  disabled?: boolean;
}

export function BackupList({ backups, selected, onSelect, disabled }: Props) {
  const { t, i18n } = useTranslation('storage');
  const language = isLanguage(i18n.language) ? i18n.language : 'zh';
  if (backups.length === 0) return <p className="storage-empty">{t('backups.empty')}</p>;
  return (
    <table className="backup-list">
      <caption className="storage-sr">{t('backups.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="storage-sr">{t('backups.caption')}</span>
          </th>
          <th scope="col">{t('backups.date')}</th>
          <th scope="col">{t('backups.kind')}</th>
          <th scope="col" className="backup-size">
            {t('backups.size')}
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => {
          const when = formatWhen(backup.createdAt, language);
          const id = `backup-${backup.name}`;
          return (
            <tr key={backup.name} className={selected === backup.name ? 'is-selected' : undefined} onClick={() => !disabled && onSelect(backup.name)}>
              <td>
                <input
                  type="radio"
                  id={id}
                  name="backup"
                  value={backup.name}
                  checked={selected === backup.name}
                  disabled={disabled}
                  onChange={() => onSelect(backup.name)}
                  aria-label={t('backups.choose', { date: when })}
                />
              </td>
              <td>
                <label htmlFor={id}>{when}</label>
              </td>
              <td>{t(`backups.reasons.${backup.reason}`)}</td>
              <td className="backup-size">{formatSize(backup.size, language)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
