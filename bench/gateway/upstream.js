// The trivial upstream both proxies forward to: a fixed small JSON answer, as cheap as an answer can be.
const http = require('node:http');

const body = JSON.stringify({ code: '000.00.06.H56-261123-0001', status: 4, statusLabel: 'Đang xử lý' });
http
  .createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
