import type { OpenApiDocument, Operation } from './openapi.operations';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function operationHtml(method: string, path: string, op: Operation): string {
  const statuses = Object.keys(op.responses).join(' · ');
  const description = op.description ? `<p>${escape(op.description)}</p>` : '';
  return `<details id="${escape(op.operationId)}"><summary><code class="m">${method.toUpperCase()}</code> <code>${escape(path)}</code> ${escape(op.summary)}</summary>${description}<p>Answers: ${statuses}</p></details>`;
}

/**
 * A plain reading page over the document, rendered on the server: no script and no asset from elsewhere, so it works
 * on a closed network. The document itself, with schemas and examples, is at /docs/openapi.json for any OpenAPI tool.
 */
export function renderDocsPage(document: OpenApiDocument): string {
  const sections = document.tags.map((tag) => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.tags.includes(tag.name))
        .map(([method, op]) => operationHtml(method, path, op)),
    );
    return `<section><h2>${escape(tag.name)}</h2><p>${escape(tag.description)}</p>${operations.join('')}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)} API</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}details{border:1px solid #ccc;border-radius:4px;margin:.4rem 0;padding:.4rem .8rem}summary{cursor:pointer}code.m{font-weight:bold;display:inline-block;min-width:4.5em}</style>
</head><body>
<h1>${escape(document.info.title)} API <small>${escape(document.info.version)}</small></h1>
<p>${escape(document.info.description)}</p>
<p>The full OpenAPI ${escape(document.openapi)} document, with schemas and examples: <a href="/docs/openapi.json">/docs/openapi.json</a></p>
${sections.join('\n')}
</body></html>
`;
}
