import { useTranslation } from 'react-i18next';

export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

/** Every bad row of an imported file; row 0 is the file as a whole (too large, not a sheet). */
export function ImportErrors({ errors }: { errors: readonly RowError[] }) {
  const { t } = useTranslation();
  return (
    <ul className="import-errors" role="alert">
      {errors.map((er) => (
        <li key={`${er.row}/${er.column}/${er.reason}`}>{er.row === 0 ? t('upload.wholeFile', { reason: er.reason }) : t('scoring.importError', { row: er.row, column: er.column ?? '—', reason: er.reason })}</li>
      ))}
    </ul>
  );
}

/** Why a file was not read at all, from `uploadFile`. */
export function UploadFailure({ message }: { message: string }) {
  return (
    <p className="import-errors" role="alert" data-testid="upload-failure">
      {message}
    </p>
  );
}
