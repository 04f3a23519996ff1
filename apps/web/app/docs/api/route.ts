/** The human API reference: Scalar rendering /api/v1/openapi.json, from our own copy of its bundle. */
const configuration = JSON.stringify({
  withDefaultFonts: false,
  hideDownloadButton: false,
  theme: "default",
});

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Port443 API reference</title>
  </head>
  <body>
    <script id="api-reference" data-url="/api/v1/openapi.json" data-configuration='${configuration}'></script>
    <script src="/vendor/scalar-api-reference.js"></script>
  </body>
</html>`;

export function GET() {
  return new Response(page, { headers: { "content-type": "text/html; charset=utf-8" } });
}
