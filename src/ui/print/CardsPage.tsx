import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintButtons } from './PrintButtons';
import { usePaperPage } from './usePaperPage';
import './print.css';

interface Card {
  id: string;
  name: string;
  group: string;
  unit: string;
  code: string;
  url: string;
  shortUrl: string;
  svg: string;
}
interface Cards {
  title: string;
  networks: { label: string; origin: string }[];
  origin: string;
  cards: Card[];
}

/**
 * The sheet of reviewer cards to print (Ctrl+P, or "Save as PDF"): the meeting, the reviewer's
 * name, the QR code, and the short address and code to type when a camera will not read it. The
 * QR holds the host's address on the network chosen here.
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
        <PrintButtons />
        {onlyHere && <p className="warn">{t('cards.loopbackOnly')}</p>}
        {data.cards.length === 0 && <p className="warn">{t('cards.none')}</p>}
      </div>
      <div className="card-grid">
        {data.cards.map((c) => (
          // Printed for a room of both languages: the instructions are in both, whatever the page's.
          <article className="qr-card" key={c.id} data-testid="qr-card">
            <p className="card-meeting">{data.title}</p>
            <div className="qr" dangerouslySetInnerHTML={{ __html: c.svg }} />
            <div className="card-who">
              <h2>{c.name}</h2>
              <p>
                {c.group}
                {c.unit && ` · ${c.unit}`}
              </p>
              <p className="card-scan">扫码评分 / Scan to score</p>
              <p className="code">评分码 Code</p>
              <strong className="code-value" data-testid="card-code">
                {c.code}
              </strong>
            </div>
            <p className="card-manual">
              或打开 / or open <span className="nobreak" data-testid="card-url">{c.shortUrl}</span>
            </p>
          </article>
        ))}
      </div>
    </div>
  );
}
