import { type ReceiptText, type ReceiptView, siteNames } from '@/utils/ui/receipt-view';

/**
 * The verified receipt: site names and counts only. The caller puts it inside a live region
 * (`role="status"`) that exists before the receipt arrives, so screen readers announce it.
 */
export function Receipt({ view, text, level = 2 }: { view: ReceiptView; text: ReceiptText; level?: 1 | 2 }) {
  const Title = level === 1 ? 'h1' : 'h2';
  const Sub = level === 1 ? 'h2' : 'h3';
  return (
    <div class="receipt" data-verified={String(view.verified)} data-problems={view.problems.length}>
      <Title class="receipt-title" tabIndex={-1}>
        <span class="receipt-mark" aria-hidden="true">
          ✓
        </span>{' '}
        {text.title}
      </Title>
      {text.why(view.trigger) && (
        <p class="receipt-why" data-trigger={view.trigger}>
          {text.why(view.trigger)}
        </p>
      )}
      {view.sites.length > 0 && <p class="receipt-sites">{text.sites(siteNames(view, text).join(', '))}</p>}
      {view.nothing ? (
        <p>{text.nothing}</p>
      ) : (
        <>
          <Sub>{text.removedHeading}</Sub>
          <ul class="removed">
            {view.removed.map((l) => {
              const check = text.check(l);
              return (
                <li key={l.kind} data-kind={l.kind}>
                  <span>{text.line(l)}</span>
                  {check && <span class="check">{check}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {view.problems.length > 0 ? (
        <div class="problems">
          <Sub>{text.problemsHeading}</Sub>
          <ul>
            {view.problems.map((p) => (
              <li key={p.kind} data-kind={p.kind}>
                {text.problem(p)}
              </li>
            ))}
          </ul>
          {view.advice.map((a) => (
            <p key={a} class="advice" data-advice={a}>
              {text.advice(a)}
            </p>
          ))}
        </div>
      ) : (
        <p class="all-clear">
          {view.verified && !view.nothing ? `${text.verified} ` : ''}
          {text.leave}
        </p>
      )}
    </div>
  );
}
