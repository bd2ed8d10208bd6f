import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePaperPage } from './usePaperPage';
import './print.css';

interface Card {
  id: string;
  name: string;
  group: string;
  unit: string;
  code: string;
  url: string;
  svg: string;
}
interface Cards {
  networks: { label: string; origin: string }[];
  origin: string;
  cards: Card[];
}

/**
 * The sheet of reviewer cards to print (Ctrl+P, or "Save as PDF"): name, QR code and the code to
 * type. The QR holds the host's address on the network chosen here.
 */
export default function CardsPage({ token }: { token: string }) {
  const { t } = useTranslation();
  usePaperPage();
  const [origin, setOrigin] = useState<string | null>(null);
  const [data, setData] = useState<Cards | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const query = origin ? `?origin=${encodeURIComponent(origin)}` : '';
    fetch(`/api/v1/cards${query}`, { headers: { authorization: `Bearer ${token}` } })
      .then(async (r) => (r.ok ? setData((await r.json()) as Cards) : setError(await r.text())))
      .catch((e: Error) => setError(e.message));
  }, [origin, token]);

  if (error) return <p className="message-page">{error}</p>;
  if (!data) return null;
  const onlyHere = data.networks.length === 1;
  return (
    <div className="print-page cards-page">
      <div className="no-print print-toolbar">
        <label>
          {t('cards.network')}{' '}
          <select value={data.origin} onChange={(e) => setOrigin(e.target.value)} data-testid="network">
            {data.networks.map((n) => (
              <option key={n.origin} value={n.origin}>
                {n.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('cards.print')}
        </button>
        {onlyHere && <p className="warn">{t('cards.loopbackOnly')}</p>}
        {data.cards.length === 0 && <p className="warn">{t('cards.none')}</p>}
      </div>
      <div className="card-grid">
        {data.cards.map((c) => (
          <article className="qr-card" key={c.id} data-testid="qr-card">
            <div className="qr" dangerouslySetInnerHTML={{ __html: c.svg }} />
            <div>
              <h2>{c.name}</h2>
              <p>
                {c.group}
                {c.unit && ` · ${c.unit}`}
              </p>
              <p className="code">
                {t('cards.code')} <strong>{c.code}</strong>
              </p>
              <p className="small">{c.url.split('#')[0]}</p>
            </div>
          </article>
        ))}
      </div>
    </div>
  );
}
