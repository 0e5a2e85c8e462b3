import { readStateScript } from './client-scripts';
import { html, layout, type SimResponse } from './http';

/**
 * `/state` on any sim origin: what the origin's storage holds (read in the page) plus what the server
 * knows from the request (`attrs`, e.g. who the session cookie belongs to). Creates nothing.
 */
export function statePage(title: string, attrs: Record<string, string>, serverFacts: string): SimResponse {
  return html(
    layout({
      title: `${title} – lagrad information`,
      attrs: { page: 'state', ...attrs },
      body: `<main>
<h1>Lagrad information för ${title}</h1>
<p>${serverFacts}</p>
<p>Det här finns sparat i webbläsaren för den här webbplatsen:</p>
<pre id="state">Läser…</pre>
</main>
${readStateScript}`,
    }),
  );
}
