"""A real mail system in a temporary folder: mailadmind (REST API, policy service, log ingestion), Dovecot
(IMAP, POP3, LMTP, the auth socket Postfix signs in through) and Postfix (an inbound port and a submission
port), all on free loopback ports and configured from the files `mailadmind mailconf` writes.

Used by the `mail` tests, the demo (`./mailadmin.sh demo --mail`) and the mail benches. Needs root (Dovecot and
Postfix start as root and drop to their own users) and the Debian packages listed in mailadmin.sh."""

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout=20.0, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError("process exited with %s before listening on %d" % (process.returncode, port))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nothing listens on 127.0.0.1:%d" % port)


def mailadmind_binary():
    built = os.environ.get("MAILADMIN_BINARY_DIR")
    if built:
        return os.path.join(built, "bin", "mailadmind")
    return shutil.which("mailadmind") or "mailadmind"


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__("HTTP %d: %s" % (status, body))
        self.status = status
        self.body = body


class Api:
    """A small client of mailadmind's REST API."""

    def __init__(self, port):
        self.port = port
        self.token = None

    def call(self, method, path, body=None, if_match=None, expect=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if if_match is not None:
            headers["If-Match"] = '"%s"' % if_match
        conn.request(method, "/api/v1" + path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        conn.close()
        payload = json.loads(raw) if raw else None
        if expect is not None and response.status != expect:
            raise ApiError(response.status, raw.decode(errors="replace"))
        if expect is None and response.status >= 400:
            raise ApiError(response.status, raw.decode(errors="replace"))
        return payload

    def sign_in(self, login, password):
        self.token = self.call("POST", "/sessions", {"login": login, "password": password}, expect=201)["token"]

    def get(self, path):
        return self.call("GET", path)

    def post(self, path, body=None, expect=None):
        return self.call("POST", path, body if body is not None else {}, expect=expect)

    def patch(self, path, body):
        current = self.get(path)
        return self.call("PATCH", path, body, if_match=current["version"])

    def delete(self, path):
        current = self.get(path)
        return self.call("DELETE", path, if_match=current["version"])


class MailRig:
    """Starts and stops the whole mail system. Everything lives under self.dir."""

    OPERATOR = "operator-root"
    PASSWORD = "Rig-Operator-Pass-91"

    def __init__(self, database=None, keep=False, fast_hash=True, api_port=None, operator=None, password=None,
                 dovecot_extra=""):
        if os.geteuid() != 0:
            raise RuntimeError("the mail rig starts Dovecot and Postfix and needs root")
        self.dir = tempfile.mkdtemp(prefix="mailadmin-mail-")
        # Dovecot's login and mail users walk into this folder.
        os.chmod(self.dir, 0o755)
        self.keep = keep
        self.fast_hash = fast_hash
        self.database = database or os.path.join(self.dir, "mailadmin.db")
        self.processes = []
        self.postfix_started = False
        self.ports = {name: free_port() for name in ("api", "policy", "imap", "pop3", "lmtp", "smtp", "submission")}
        if api_port:
            self.ports["api"] = api_port
        self.dovecot_extra = dovecot_extra  # more dovecot.conf lines (the benches turn off the failure delay)
        self.operator = operator or self.OPERATOR
        self.password = password or self.PASSWORD
        self.api = None

    # --- paths -----------------------------------------------------------------------------------------
    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    @property
    def dovecot_conf(self):
        return self.path("dovecot", "dovecot.conf")

    @property
    def dovecot_log(self):
        return self.path("log", "dovecot.log")

    @property
    def postfix_log(self):
        return self.path("log", "postfix.log")

    @property
    def postfix_dir(self):
        return self.path("postfix")

    # --- start ------------------------------------------------------------------------------------------
    def start(self, ingest=True):
        try:
            self._start_sink()
            self._start_mailadmind()
            self._write_mailconf()
            self._start_dovecot()
            self._start_postfix()
            if ingest:
                self._start_ingest()
        except BaseException:
            self.stop()
            raise
        return self

    def run(self, *args, stdin=None, check=True):
        return subprocess.run(list(args), input=stdin, capture_output=True, text=True, check=check, timeout=120)

    def _start_sink(self):
        # The rest of the internet: forwards and bounces to outside addresses are relayed here.
        from aiosmtpd.controller import Controller

        rig = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                rig.sink_messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
                return "250 OK"

        self.sink_messages = []
        self.sink_port = free_port()
        self.sink = Controller(Handler(), hostname="127.0.0.1", port=self.sink_port)
        self.sink.start()

    def _start_mailadmind(self):
        binary = mailadmind_binary()
        # A port someone else listens on would answer our waits for the wrong server.
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", self.ports["api"]))
            except OSError:
                raise RuntimeError("127.0.0.1:%d is in use; choose another port" % self.ports["api"])
        if not os.path.exists(self.database):
            self.run(binary, "init", "--db", self.database, "--operator", self.operator, "--password-stdin",
                     stdin=self.password + "\n")
        log = open(self.path("mailadmind.log"), "w")
        serve = subprocess.Popen(
            [binary, "serve", "--db", self.database, "--listen", "127.0.0.1:%d" % self.ports["api"], "--quiet",
             "--bulletin-delivery", "lmtp://127.0.0.1:%d" % self.ports["lmtp"], "--mail-from", "bulletins@rig.test",
             ] + (["--policy-listen", "127.0.0.1:%d" % self.ports["policy"],
             "--postfix-config", self.postfix_dir] if os.environ.get("RIG_POLICY", "1") == "1" else []),
            stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(("mailadmind serve", serve))
        wait_for_port(self.ports["api"], process=serve)
        if os.environ.get("RIG_POLICY", "1") == "1":
            wait_for_port(self.ports["policy"], process=serve)
        self.api = Api(self.ports["api"])
        self.api.sign_in(self.operator, self.password)

    def _write_mailconf(self):
        os.makedirs(self.path("vmail"), exist_ok=True)
        shutil.chown(self.path("vmail"), "mail", "mail")
        os.makedirs(self.path("log"), exist_ok=True)
        for name in (self.dovecot_log, self.postfix_log):
            open(name, "a").close()
        self.run(mailadmind_binary(), "mailconf", "--db", self.database, "--out", self.path("conf"),
                 "--mail-root", self.path("vmail"), "--mail-uid", "mail", "--mail-gid", "mail",
                 "--lmtp", "lmtp:inet:127.0.0.1:%d" % self.ports["lmtp"],
                 "--sasl-path", self.path("dovecot", "run", "auth-postfix"),
                 "--policy", "inet:127.0.0.1:%d" % self.ports["policy"])

    def _start_dovecot(self):
        os.makedirs(self.path("dovecot", "state"), exist_ok=True)
        p = self.ports
        config = f"""# The mail rig's Dovecot: MailAdmin's snippets plus listeners on loopback ports.
protocols = imap pop3 lmtp
listen = 127.0.0.1
base_dir = {self.path("dovecot", "run")}
state_dir = {self.path("dovecot", "state")}
log_path = {self.dovecot_log}
ssl = no
disable_plaintext_auth = no
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
first_valid_gid = 1
mail_privileged_group =
lda_mailbox_autocreate = yes
!include {self.path("conf", "dovecot.conf.d")}/*.conf
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {p["imap"]}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    address = 127.0.0.1
    port = {p["pop3"]}
  }}
  inet_listener pop3s {{
    port = 0
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {p["lmtp"]}
  }}
}}
service auth {{
  unix_listener auth-postfix {{
    mode = 0666
  }}
}}
{self.dovecot_extra}
"""
        with open(self.dovecot_conf, "w") as f:
            f.write(config)
        dovecot = subprocess.Popen(["dovecot", "-F", "-c", self.dovecot_conf],
                                   stdout=open(self.path("log", "dovecot.out"), "w"), stderr=subprocess.STDOUT)
        self.processes.append(("dovecot", dovecot))
        wait_for_port(p["imap"], process=dovecot)
        wait_for_port(p["pop3"], process=dovecot)
        wait_for_port(p["lmtp"], process=dovecot)

    def _start_postfix(self):
        d = self.postfix_dir
        os.makedirs(d, exist_ok=True)
        for sub in ("queue", "data"):
            os.makedirs(os.path.join(d, sub), exist_ok=True)
        shutil.chown(os.path.join(d, "data"), "postfix", "postfix")
        with open(self.path("conf", "postfix", "main.cf.lines")) as f:
            mailadmin_lines = f.read()
        p = self.ports
        main = f"""# The mail rig's Postfix: its own folders, loopback only, MailAdmin's lines at the end.
compatibility_level = 3.6
queue_directory = {d}/queue
data_directory = {d}/data
maillog_file = {self.postfix_log}
maillog_file_prefixes = {self.path("log")}
myhostname = mail.rig.test
mydomain = rig.test
myorigin = rig.test
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.1/32
smtp_dns_support_level = disabled
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_tls_security_level = none
smtpd_delay_reject = yes
delay_warning_time = 0
bounce_queue_lifetime = 0
relayhost = [127.0.0.1]:{self.sink_port}
{mailadmin_lines}
"""
        master = f"""# The mail rig's services; nothing runs chrooted.
127.0.0.1:{p["smtp"]} inet n - n - - smtpd
127.0.0.1:{p["submission"]} inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_sender_restrictions=reject_sender_login_mismatch
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
  -o smtpd_end_of_data_restrictions=$mailadmin_policy
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
lmtp unix - - n - - lmtp
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
"""
        with open(os.path.join(d, "main.cf"), "w") as f:
            f.write(main)
        with open(os.path.join(d, "master.cf"), "w") as f:
            f.write(master)
        # postfix logs why it cannot start only to a terminal or to the log it could not open.
        result = self.run("script", "-qec", "postfix -c %s start" % d, "/dev/null", check=False)
        if result.returncode != 0:
            raise RuntimeError("postfix did not start: " + result.stdout + result.stderr)
        self.postfix_started = True
        wait_for_port(p["smtp"])
        wait_for_port(p["submission"])

    def _start_ingest(self):
        ingest = subprocess.Popen(
            [mailadmind_binary(), "ingest", "--db", self.database, "--follow", "--batch", "1",
             self.dovecot_log, self.postfix_log],
            stdout=open(self.path("log", "ingest.out"), "w"), stderr=subprocess.STDOUT)
        self.processes.append(("mailadmind ingest", ingest))

    # --- stop -------------------------------------------------------------------------------------------
    def stop(self):
        if self.postfix_started:
            if self.run("postfix", "-c", self.postfix_dir, "stop", check=False).returncode != 0:
                self.run("postfix", "-c", self.postfix_dir, "abort", check=False)
            self.postfix_started = False
        for name, process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self.processes = []
        if getattr(self, "sink", None) is not None:
            self.sink.stop()
            self.sink = None
        if not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # --- helpers ----------------------------------------------------------------------------------------
    def doveadm(self, *args):
        return self.run("doveadm", "-c", self.dovecot_conf, *args)

    def held_queue_ids(self):
        hold = os.path.join(self.postfix_dir, "queue", "hold")
        return sorted(os.listdir(hold)) if os.path.isdir(hold) else []

    def postfix_log_text(self):
        with open(self.postfix_log, errors="replace") as f:
            return f.read()

    def dovecot_log_text(self):
        with open(self.dovecot_log, errors="replace") as f:
            return f.read()


def demo_mailbox(api, company):
    """An active mailbox of the named company, so that its logins show on that company's dashboard; any
    active mailbox when the company is not there."""
    for c in api.get("/companies?limit=200")["items"]:
        if c["name"] != company:
            continue
        for d in api.get("/companies/%d/domains?limit=200" % c["id"])["items"]:
            users = api.get("/domains/%s/users?type=mailbox&status=active&limit=1" % d["name"])["items"]
            if users:
                return users[0]["address"]
    return api.get("/users?type=mailbox&status=active&limit=1")["items"][0]["address"]


def demo(arguments):
    """./mailadmin.sh demo --mail: the mail system over an existing (demo) database until Ctrl+C."""
    import argparse
    import secrets

    parser = argparse.ArgumentParser(description="Dovecot and Postfix on loopback over a MailAdmin database.")
    parser.add_argument("--database", required=True)
    parser.add_argument("--operator", required=True)
    parser.add_argument("--api-port", type=int, default=8440)
    parser.add_argument("--company", default="Northwind Hosting",
                        help="the company whose mailbox is shown (the one the demo's admin signs in to)")
    args = parser.parse_args(arguments)
    password = os.environ.get("MAILADMIN_PASSWORD", "")
    rig = MailRig(database=os.path.abspath(args.database), api_port=args.api_port, operator=args.operator,
                  password=password)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    rig.start()
    try:
        mailbox = demo_mailbox(rig.api, args.company)
        mailbox_password = "Demo-" + secrets.token_urlsafe(9) + "-7"
        rig.api.post("/users/%s/password" % mailbox, {"password": mailbox_password}, expect=200)
        p = rig.ports
        print("Mail system on 127.0.0.1 over the demo directory:")
        print("  IMAP %d   POP3 %d   SMTP (inbound) %d   submission %d   policy %d"
              % (p["imap"], p["pop3"], p["smtp"], p["submission"], p["policy"]))
        print("  Mailbox: %s   password: %s" % (mailbox, mailbox_password))
        print("  Try: python3 -c \"import imaplib; m = imaplib.IMAP4('127.0.0.1', %d); print(m.login('%s', '%s'))\""
              % (p["imap"], mailbox, mailbox_password))
        print("  Logins appear on the dashboard within seconds (the daemons' logs are followed).")
        print("  Stop with Ctrl+C.", flush=True)
        # Used bytes back into MailAdmin every minute, as a cron job would do.
        while not stop:
            # Only mailboxes that have mail on disk: -A would walk (and create) every one of the 20,000.
            users = []
            vmail = rig.path("vmail")
            for domain in os.scandir(vmail):
                if domain.is_dir():
                    users += ["%s@%s" % (box.name, domain.name) for box in os.scandir(domain.path) if box.is_dir()]
            report = ""
            if users:
                with open(rig.path("quota-users"), "w") as f:
                    f.write("\n".join(users) + "\n")
                report = rig.doveadm("quota", "get", "-F", rig.path("quota-users")).stdout
            subprocess.run([mailadmind_binary(), "ingest", "--db", rig.database, "--format", "doveadm-quota", "-"],
                           input=report, text=True, capture_output=True, timeout=120)
            for _ in range(600):
                if stop:
                    break
                time.sleep(0.1)
    finally:
        rig.stop()


if __name__ == "__main__":
    import sys

    demo(sys.argv[1:])
