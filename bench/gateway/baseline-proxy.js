// The baseline: a minimal undici reverse proxy, no authentication, no checks, no records.
const http = require('node:http');
const { request } = require('undici');

const upstream = process.env.UPSTREAM_URL;
http
  .createServer(async (req, res) => {
    try {
      const answer = await request(`${upstream}${req.url}`, { method: req.method, body: req.method === 'GET' ? undefined : req });
      res.writeHead(answer.statusCode, { 'content-type': answer.headers['content-type'] });
      res.end(Buffer.from(await answer.body.arrayBuffer()));
    } catch {
      res.writeHead(502);
      res.end();
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
