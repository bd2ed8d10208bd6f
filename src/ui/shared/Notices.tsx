import { useView } from '../app/context';

/** The host's refusals, in the person's language; a tap dismisses one. */
export function Notices() {
  const notices = useView((s) => s.notices);
  const dismiss = useView((s) => s.dismiss);
  return (
    <div className="notices" role="status">
      {notices.map((n) => (
        <button type="button" key={n.id} className="notice" onClick={() => dismiss(n.id)}>
          {n.text} ✕
        </button>
      ))}
    </div>
  );
}
