/**
 * The server the browser tests run against: the production build (built if missing or stale) on
 * a fresh embedded database in .data/e2e, migrated and seeded with the demo data before it starts.
 * A local SMTP sink (smtp-server) listens beside it and the app sends its mail there (SMTP_URL):
 * each message received is written, parsed, to .data/e2e-mail/ for the tests to read.
 */
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const dataDir = path.resolve(import.meta.dirname, "..", ".data", "e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
const mailDir = path.resolve(import.meta.dirname, "..", ".data", "e2e-mail");
fs.rmSync(mailDir, { recursive: true, force: true });
fs.mkdirSync(mailDir, { recursive: true });

const port = Number(process.env.E2E_PORT ?? "3100");
const smtpPort = port + 1000;
let received = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const message = {
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
        };
        fs.writeFileSync(path.join(mailDir, `${Date.now()}-${received++}.json`), JSON.stringify(message));
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => sink.listen(smtpPort, "127.0.0.1", resolve));

process.env.PGLITE_DIR = dataDir;
process.env.PORT = String(port);
process.env.CHITIEU_DEMO = "1";
process.env.AUTH_SECRET = "e2e-only-secret-not-for-production-0123456789";
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
process.env.APP_URL = `http://127.0.0.1:${port}`;
process.env.MAIL_POLL_MS = "500";
delete process.env.DATABASE_URL;

await import("../scripts/start");
