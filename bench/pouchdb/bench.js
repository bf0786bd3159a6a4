// The offline-first peer of the sync benchmark (docs/benchmarks.md): the same backlog, one local
// PouchDB per kiosk, replicated concurrently to one database on pouchdb-server (LevelDB on disk),
// which runs as its own process like the continuity server does.
//
//   node bench.js <backlog.ndjson> <work-dir> [batch_size]
//
// Prints progress on stderr and one JSON line with the result on stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const net = require('net');
const readline = require('readline');
const { spawn } = require('child_process');
const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-memory'));

const [file, workDir, batchArg] = process.argv.slice(2);
const batchSize = Number(batchArg || 500);

// CPU seconds of a process from /proc (Linux), to compare the peers by work done as well as by wall time
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch (e) { return 0; }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, res => { let b = ''; res.on('data', d => (b += d)); res.on('end', () => resolve({ status: res.statusCode, body: b })); })
      .on('error', reject);
  });
}

async function waitReady(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { if ((await get(url)).status === 200) return; } catch (e) { /* not yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('pouchdb-server not ready at ' + url);
}

async function main() {
  fs.mkdirSync(workDir, { recursive: true });
  const port = await freePort();
  const serverDir = path.join(workDir, 'pouchdb-server');
  fs.mkdirSync(serverDir, { recursive: true });
  const bin = path.join(__dirname, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
  const server = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port), '--dir', serverDir,
    '--config', path.join(serverDir, 'config.json'), '--no-color'], { cwd: serverDir, stdio: ['ignore', 'ignore', 'inherit'] }); // its log.txt goes to the work dir
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(base + '/', 30000);
    // load every kiosk's journal into its own local database (not timed: it is the kiosk's own store)
    const byKiosk = new Map();
    const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line) continue;
      const doc = JSON.parse(line);
      if (!byKiosk.has(doc.kioskId)) byKiosk.set(doc.kioskId, []);
      byKiosk.get(doc.kioskId).push(doc);
    }
    const locals = [];
    let total = 0;
    for (const [kiosk, docs] of byKiosk) {
      const db = new PouchDB('local-' + kiosk, { adapter: 'memory' });
      for (let i = 0; i < docs.length; i += 1000) await db.bulkDocs(docs.slice(i, i + 1000));
      locals.push(db);
      total += docs.length;
    }
    const remoteUrl = base + '/backlog';
    await new PouchDB(remoteUrl).info(); // create it
    process.stderr.write(`pouchdb: ${total} docs in ${locals.length} local databases; replicating (batch_size ${batchSize})…\n`);
    const cpuBefore = [cpuSeconds(server.pid), process.cpuUsage()];
    const started = process.hrtime.bigint();
    const results = await Promise.all(locals.map(db =>
      PouchDB.replicate(db, new PouchDB(remoteUrl), { batch_size: batchSize, batches_limit: 10 })));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const clientCpu = process.cpuUsage(cpuBefore[1]);
    const cpu = { server: cpuSeconds(server.pid) - cpuBefore[0], clients: (clientCpu.user + clientCpu.system) / 1e6 };
    const written = results.reduce((n, r) => n + r.docs_written, 0);
    const info = await new PouchDB(remoteUrl).info();
    console.log(JSON.stringify({ docs: total, written, remoteDocCount: info.doc_count, seconds,
      docsPerSecond: total / seconds, batchSize, kiosks: locals.length, cpuSecondsServer: cpu.server, cpuSecondsClients: cpu.clients }));
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch(e => { console.error(e); process.exit(1); });
