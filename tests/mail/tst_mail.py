#!/usr/bin/python3
"""MailAdmin runs real mail: a real mailadmind, Dovecot and Postfix on loopback (tests/mail/mailrig.py),
configured by `mailadmind mailconf`, driven through the REST API and used with Python's own IMAP, POP3 and
SMTP clients. The daemons' log files are followed by `mailadmind ingest --follow`, and every login and
message the test makes is then checked in the stats API. The tests run in order and share one rig."""

import collections
import email
import imaplib
import os
import poplib
import smtplib
import socket
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mailrig import MailRig, mailadmind_binary  # noqa: E402

DOMAIN = "rig.example"
ALIAS_DOMAIN = "rig-alias.example"
SPIKE_DOMAIN = "spike.example"
PAUSED_DOMAIN = "paused.example"
PASSWORD = "Blue-Kite-42-river"


def wait_until(predicate, timeout=20.0, what="condition"):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(0.1)
    raise AssertionError("timed out waiting for %s (last: %r)" % (what, last))


class MailTest(unittest.TestCase):
    rig = None
    # What the test itself did, to compare with what the stats API says the daemons logged.
    logins = collections.Counter()  # (address, protocol) -> successful logins
    failures = collections.Counter()  # address -> failed logins
    sent = collections.Counter()  # address -> messages accepted on submission

    @classmethod
    def setUpClass(cls):
        cls.since = time.strftime("%Y-%m-%dT%H:00:00Z", time.gmtime())
        cls.rig = MailRig(keep=os.environ.get("MAILADMIN_KEEP_RIG") == "1")
        cls.rig.start()
        api = cls.rig.api
        company = api.post("/companies", {"name": "Rig Hosting", "smtp_send_limit": 3}, expect=201)
        api.post("/companies/%d/domains" % company["id"], {"name": DOMAIN, "aliases": [ALIAS_DOMAIN]}, expect=201)
        for local, extra in (("anna", {"aliases": ["ann@" + DOMAIN]}), ("bob", {"quota": 1048576}),
                             ("carl", {}), ("dave", {}), ("gina", {})):
            body = {"local_part": local, "password": PASSWORD}
            body.update(extra)
            api.post("/domains/%s/users" % DOMAIN, body, expect=201)
        api.post("/domains/%s/users" % DOMAIN,
                 {"local_part": "fwd", "type": "forward", "forward_recipients": ["friend@outside.test"]}, expect=201)
        # A second company whose open spike alerts hold outbound mail.
        spiky = api.post("/companies", {"name": "Spiky Senders", "smtp_send_limit": 100}, expect=201)
        cls.spiky_company = spiky["id"]
        api.post("/companies/%d/domains" % spiky["id"], {"name": SPIKE_DOMAIN}, expect=201)
        api.post("/domains/%s/users" % SPIKE_DOMAIN, {"local_part": "erin", "password": PASSWORD}, expect=201)

    @classmethod
    def tearDownClass(cls):
        if cls.rig is not None:
            cls.rig.stop()

    # --- clients ----------------------------------------------------------------------------------------
    def imap_login(self, user, password=PASSWORD):
        client = imaplib.IMAP4("127.0.0.1", self.rig.ports["imap"])
        try:
            client.login(user, password)
        except imaplib.IMAP4.error:
            client.logout()
            self.failures[user.lower()] += 1
            raise
        self.logins[(user.lower(), "imap")] += 1
        return client

    def imap_ok(self, user, password=PASSWORD):
        try:
            self.imap_login(user, password).logout()
            return True
        except imaplib.IMAP4.error:
            return False

    def pop_ok(self, user, password=PASSWORD):
        client = poplib.POP3("127.0.0.1", self.rig.ports["pop3"])
        try:
            client.user(user)
            client.pass_(password)
            client.quit()
            self.logins[(user, "pop")] += 1
            return True
        except poplib.error_proto:
            client.quit()
            self.failures[user] += 1
            return False

    def submit(self, user, recipients, subject, password=PASSWORD, body="Hello from the mail test.\r\n"):
        """Signs in on the submission port and sends one message; returns the SMTP error or None."""
        client = smtplib.SMTP("127.0.0.1", self.rig.ports["submission"], timeout=30)
        try:
            try:
                # One mechanism only: login() would try PLAIN and then LOGIN, two failures for one refusal.
                client.ehlo()
                client.user, client.password = user, password
                client.auth("PLAIN", client.auth_plain)
            except smtplib.SMTPAuthenticationError as e:
                self.failures[user] += 1
                return e
            message = "From: %s\r\nTo: %s\r\nSubject: %s\r\n\r\n%s" % (user, ", ".join(recipients), subject, body)
            try:
                client.sendmail(user, recipients, message.encode())
            except (smtplib.SMTPDataError, smtplib.SMTPRecipientsRefused) as e:
                # The session reached RCPT, so Postfix logged the login with the queue id.
                self.logins[(user, "smtp")] += 1
                return e
            self.logins[(user, "smtp")] += 1
            self.sent[user] += 1
            return None
        finally:
            client.quit()

    def deliver(self, recipients, subject, body="Hello.\r\n", sender="someone@outside.test"):
        """Mail from outside on the inbound port; returns the refused recipients (smtplib's dict)."""
        with smtplib.SMTP("127.0.0.1", self.rig.ports["smtp"], timeout=30) as client:
            message = "From: %s\r\nTo: %s\r\nSubject: %s\r\n\r\n%s" % (sender, ", ".join(recipients), subject, body)
            try:
                return client.sendmail(sender, recipients, message.encode())
            except smtplib.SMTPRecipientsRefused as e:
                return e.recipients

    def subjects(self, user):
        client = self.imap_login(user)
        try:
            client.select("INBOX", readonly=True)
            _, data = client.search(None, "ALL")
            found = []
            for number in data[0].split():
                _, parts = client.fetch(number, "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
                found.append(email.message_from_bytes(parts[0][1])["Subject"])
            return found
        finally:
            client.logout()

    def wait_for_subject(self, user, subject):
        # Each look signs in again, as a mail client polling would; the logins are counted like any other.
        wait_until(lambda: subject in self.subjects(user), what="%r in %s's INBOX" % (subject, user))

    # --- the checks, in order ---------------------------------------------------------------------------
    def test_01_imap_and_pop_login(self):
        self.assertTrue(self.imap_ok("anna@" + DOMAIN))
        self.assertTrue(self.pop_ok("anna@" + DOMAIN))
        # Mail clients type addresses in any case.
        self.assertTrue(self.imap_ok("Anna@RIG.example"))
        self.assertFalse(self.imap_ok("anna@" + DOMAIN, "Wrong-Password-1"))
        self.assertFalse(self.pop_ok("anna@" + DOMAIN, "Wrong-Password-1"))
        # A client that just hangs up after a refused login: Dovecot's "Connection closed (auth failed" line.
        with socket.create_connection(("127.0.0.1", self.rig.ports["imap"]), timeout=30) as raw:
            raw.recv(1024)
            raw.sendall(b'a1 LOGIN "anna@%s" "Wrong-Password-2"\r\n' % DOMAIN.encode())
            self.assertIn(b"a1 NO", raw.recv(1024))
        self.failures["anna@" + DOMAIN] += 1
        # Forward-only addresses have no mailbox to log in to.
        self.assertFalse(self.imap_ok("fwd@" + DOMAIN, PASSWORD))

    def test_02_alias_and_alias_domain(self):
        refused = self.deliver(["ann@" + DOMAIN, "anna@" + ALIAS_DOMAIN, "ann@" + ALIAS_DOMAIN], "to the aliases")
        self.assertEqual(refused, {})
        self.wait_for_subject("anna@" + DOMAIN, "to the aliases")
        # Three addresses of one mailbox: Postfix drops the duplicates after expanding them, so one copy.
        time.sleep(1)
        self.assertEqual(self.subjects("anna@" + DOMAIN).count("to the aliases"), 1)
        # An unknown address of the alias domain is refused like one of the domain itself.
        refused = self.deliver(["nobody@" + ALIAS_DOMAIN], "unknown")
        self.assertIn("nobody@" + ALIAS_DOMAIN, refused)
        self.assertEqual(refused["nobody@" + ALIAS_DOMAIN][0], 550)

    def test_03_forward(self):
        self.assertEqual(self.deliver(["fwd@" + DOMAIN], "to be forwarded"), {})
        wait_until(lambda: [m for m in self.rig.sink_messages
                            if "friend@outside.test" in m[1] and b"to be forwarded" in m[2]],
                   what="the forward at friend@outside.test")

    def test_04_suspend(self):
        anna = "anna@" + DOMAIN
        self.rig.api.post("/users/%s/suspend" % anna, expect=200)
        self.assertFalse(self.imap_ok(anna))
        self.assertFalse(self.pop_ok(anna))
        self.assertIsInstance(self.submit(anna, ["friend@outside.test"], "while suspended"),
                              smtplib.SMTPAuthenticationError)
        # Mail to a suspended mailbox still arrives; only its use stops.
        self.assertEqual(self.deliver([anna], "while suspended"), {})
        self.rig.api.post("/users/%s/unsuspend" % anna, expect=200)
        self.assertTrue(self.imap_ok(anna))
        self.wait_for_subject(anna, "while suspended")
        self.assertIsNone(self.submit(anna, ["friend@outside.test"], "after suspension"))

    def test_05_pop_disabled(self):
        carl = "carl@" + DOMAIN
        self.rig.api.patch("/users/" + carl, {"services": {"pop": "disabled"}})
        self.assertFalse(self.pop_ok(carl))
        self.assertTrue(self.imap_ok(carl))
        self.rig.api.patch("/users/" + carl, {"services": {"pop": "enabled"}})
        self.assertTrue(self.pop_ok(carl))

    def test_06_password_change(self):
        carl = "carl@" + DOMAIN
        self.rig.api.post("/users/%s/password" % carl, {"password": "Green-Owl-77-lake"}, expect=200)
        self.assertFalse(self.imap_ok(carl, PASSWORD))
        self.assertTrue(self.imap_ok(carl, "Green-Owl-77-lake"))
        self.assertTrue(self.pop_ok(carl, "Green-Owl-77-lake"))
        self.rig.api.post("/users/%s/password" % carl, {"password": PASSWORD}, expect=200)
        self.assertTrue(self.imap_ok(carl))

    def test_07_over_quota(self):
        bob = "bob@" + DOMAIN
        self.assertEqual(self.deliver([bob], "fits"), {})
        self.wait_for_subject(bob, "fits")
        big = ("x" * 998 + "\r\n") * 1100  # about 1.1 MB, over bob's 1 MiB (and no grace)
        self.assertEqual(self.deliver([bob], "too big", body=big), {})
        # Dovecot's LMTP refuses it with 552 5.2.2 and Postfix bounces it at once.
        line = wait_until(lambda: [l for l in self.rig.postfix_log_text().splitlines()
                                   if "to=<%s>" % bob in l and "status=bounced" in l],
                          what="the bounce for %s" % bob)
        self.assertIn("5.2.2", line[0])
        self.assertIn("Quota exceeded", line[0])
        self.assertNotIn("too big", self.subjects(bob))

    def test_08_quota_comes_back(self):
        # doveadm's quota report, read by mailadmind ingest, becomes the used bytes User 360 shows.
        report = self.rig.doveadm("quota", "get", "-A").stdout
        self.assertIn("bob@" + DOMAIN, report)
        subprocess.run([mailadmind_binary(), "ingest", "--db", self.rig.database, "--format", "doveadm-quota", "-"],
                       input=report, text=True, check=True, capture_output=True, timeout=60)
        bob = self.rig.api.get("/users/bob@" + DOMAIN)
        self.assertGreater(bob["used_bytes"], 0)
        self.assertLess(bob["used_bytes"], 1048576)
        self.assertGreaterEqual(bob["messages"], 1)

    def test_09_deleted_and_restored(self):
        dave = "dave@" + DOMAIN
        self.assertTrue(self.imap_ok(dave))
        self.rig.api.delete("/users/" + dave)
        refused = self.deliver([dave], "after delete")
        self.assertIn(dave, refused)
        self.assertEqual(refused[dave][0], 550)
        self.assertFalse(self.imap_ok(dave))
        self.rig.api.post("/users/%s/restore" % dave, expect=200)
        self.assertEqual(self.deliver([dave], "after restore"), {})
        self.wait_for_subject(dave, "after restore")
        self.assertIsNone(self.submit(dave, ["friend@outside.test"], "restored and sending"))

    def test_10_send_limit(self):
        gina = "gina@" + DOMAIN
        for n in range(3):
            self.assertIsNone(self.submit(gina, ["friend@outside.test"], "limit %d" % n))
        refused = self.submit(gina, ["friend@outside.test"], "one too many")
        self.assertIsInstance(refused, smtplib.SMTPDataError)
        self.assertEqual(refused.smtp_code, 450)
        self.assertIn(b"Daily sending limit of 3", refused.smtp_error)
        state = self.rig.api.get("/users/%s/outbound" % gina)
        self.assertEqual(state["sent_today"], 3)

    def test_11_spike_hold_and_release(self):
        erin = "erin@" + SPIKE_DOMAIN
        api = self.rig.api
        path = "/companies/%d/spike-thresholds" % self.spiky_company
        current = api.get(path)
        api.call("PATCH", path, {"spike_action": "hold", "user_hourly_floor": 4, "user_daily_floor": 4,
                                 "minimum_factor": 1}, if_match=current["version"])
        # Three weeks of a quiet history (a message a day, early in the morning) give erin a baseline.
        api.post("/admins", {"login": "rig-shipper", "role": "collector", "company_id": self.spiky_company,
                             "password": "Blue-Pipe-Carrier-77"}, expect=201)
        shipper = type(api)(api.port)
        shipper.sign_in("rig-shipper", "Blue-Pipe-Carrier-77")
        today = int(time.time()) // 86400 * 86400
        history = [{"type": "message", "user": erin, "recipients": 1, "bytes": 2000,
                    "time": time.strftime("%Y-%m-%dT03:00:00Z", time.gmtime(today - day * 86400))}
                   for day in range(1, 22)]
        self.assertEqual(shipper.post("/ingest/events", history)["accepted"], 21)
        for n in range(6):
            self.assertIsNone(self.submit(erin, ["friend@outside.test"], "burst %d" % n))
        # The burst reaches the stats through the followed Postfix log, and the detector opens an alert.
        wait_until(lambda: self.messages_of(erin) == 6, what="erin's six messages in the stats")
        subprocess.run([mailadmind_binary(), "detect", "--db", self.rig.database, "--days", "1", "--hours"],
                       check=True, capture_output=True, timeout=60)
        alerts = api.get("/alerts?subject=%s&status=open" % erin)["items"]
        self.assertTrue(alerts, "no open alert for the burst")
        self.assertTrue(api.get("/users/%s/outbound" % erin)["held"])

        self.assertIsNone(self.submit(erin, ["friend@outside.test"], "held message"))
        self.sent[erin] -= 1  # accepted, but waits in the hold queue
        state = wait_until(lambda: api.get("/users/%s/outbound" % erin)["held_messages"], what="a held message")
        queue_id = state[0]["queue_id"]
        self.assertIn(queue_id, self.rig.held_queue_ids())
        self.assertFalse([m for m in self.rig.sink_messages if b"held message" in m[2]])

        released = api.post("/users/%s/outbound/release" % erin, expect=200)
        self.assertEqual(released["released_queue_ids"], [queue_id])
        self.assertTrue(released["released_in_postfix"])
        wait_until(lambda: [m for m in self.rig.sink_messages if b"held message" in m[2]],
                   what="the released message at its recipient")
        self.sent[erin] += 1
        self.assertNotIn(queue_id, self.rig.held_queue_ids())
        # Released: the open alert no longer holds erin's mail.
        self.assertIsNone(self.submit(erin, ["friend@outside.test"], "after release"))
        audit = api.get("/audit?object_id=%s" % erin)["items"]
        self.assertIn("outbound_release", [e["action"] for e in audit])

    def messages_of(self, user):
        # The last two days by hour: what the test sent, not the history it wrote for the baseline.
        outbound = self.rig.api.get("/stats/outbound?user=%s&granularity=hour&from=%s" % (user, self.since))
        return sum(p["messages"] for p in outbound["series"])

    def test_12_stats_from_the_daemons_logs(self):
        api = self.rig.api
        users = sorted({u for (u, _) in self.logins} | set(self.failures) | set(self.sent))

        def totals(user):
            return api.get("/stats/logins?user=%s&granularity=hour&from=%s" % (user, self.since))["totals"]

        for user in users:
            want = {p: self.logins[(user, p)] for p in ("imap", "pop", "smtp")}
            want["failed"] = self.failures[user]

            def matches():
                got = totals(user)
                return {k: got.get(k, 0) for k in want} == want

            try:
                wait_until(matches, timeout=20, what="the logins of %s" % user)
            except AssertionError:
                self.fail("logins of %s: the test made %s, the stats say %s" % (user, want, totals(user)))
            if self.sent[user]:
                wait_until(lambda: self.messages_of(user) == self.sent[user], timeout=20,
                           what="%d messages of %s" % (self.sent[user], user))
        # The failed logins came from Dovecot's own lines for a wrong password, in both of their forms.
        log = self.rig.dovecot_log_text()
        self.assertIn("Disconnected: Connection closed (auth failed, 1 attempts", log)
        self.assertIn("Disconnected: Aborted login by logging out (auth failed, 1 attempts", log)


    def test_13_bulletin_to_an_incident_and_mail_location_follows_the_store(self):
        api = self.rig.api
        carl, anna = "carl@" + DOMAIN, "anna@" + DOMAIN
        cluster = api.get("/domains/" + DOMAIN)["cluster_id"]
        # A store whose mail lives elsewhere on disk; moving carl there moves where Dovecot looks.
        moved_root = self.rig.path("vmail", "stores", "rig-b")
        store = api.post("/mail-stores", {"name": "rig-b", "cluster_id": cluster,
                                          "mail_location": "maildir:%s/%%d/%%n" % moved_root}, expect=201)
        api.post("/users/%s/move" % carl, {"store_id": store["id"]}, expect=200)
        incident = api.post("/incidents", {"kind": "outage", "title": "rig-b is slow",
                                           "services": ["imap"], "stores": [store["id"]]}, expect=201)
        company = api.get("/domains/" + DOMAIN)["company_id"]
        bulletin = api.post("/bulletins", {
            "company_id": company, "name": "Slow mail", "type": "manual",
            "text": "From: Rig Hosting <support@rig.example>\nSubject: Slow mail for {account}\n\n"
                    "Dear {name}, mail on {domain} is slow today.\n"}, expect=201)
        post = api.post("/bulletins/%d/posts" % bulletin["id"],
                        {"target": "incident", "incident_id": incident["id"]}, expect=201)
        self.assertEqual(post["recipients"], 1)
        self.wait_for_subject(carl, "Slow mail for " + carl)
        wait_until(lambda: api.get("/bulletins/%d" % bulletin["id"])["counts"]["delivered"] == 1,
                   what="the delivery count")
        # The copy sits below the store's mail location, and anna (on another store) has none.
        self.assertTrue(os.listdir(os.path.join(moved_root, DOMAIN, "carl", "new")))
        self.assertFalse([s for s in self.subjects(anna) if s.startswith("Slow mail")])

    def test_14_auto_bulletin_greets_a_new_mailbox(self):
        api = self.rig.api
        api.post("/bulletins", {"domain": DOMAIN, "name": "Welcome", "type": "auto",
                                "text": "Subject: Welcome to {domain}\n\nHello {account}.\n"}, expect=201)
        api.post("/domains/%s/users" % DOMAIN, {"local_part": "nina", "password": PASSWORD}, expect=201)
        self.wait_for_subject("nina@" + DOMAIN, "Welcome to " + DOMAIN)

    def test_15_company_suspended_deleted_and_restored(self):
        api = self.rig.api
        company = api.post("/companies", {"name": "Paused Hosting"}, expect=201)
        api.post("/companies/%d/domains" % company["id"], {"name": PAUSED_DOMAIN}, expect=201)
        olga = "olga@" + PAUSED_DOMAIN
        api.post("/domains/%s/users" % PAUSED_DOMAIN, {"local_part": "olga", "password": PASSWORD}, expect=201)
        self.assertTrue(self.imap_ok(olga))
        path = "/companies/%d" % company["id"]
        api.post(path + "/suspend", {"reason": "mail test"}, expect=200)
        self.assertFalse(self.imap_ok(olga))
        self.assertFalse(self.pop_ok(olga))
        self.assertIsInstance(self.submit(olga, ["friend@outside.test"], "company suspended"),
                              smtplib.SMTPAuthenticationError)
        # Its domain is no longer one Postfix takes mail for.
        self.assertIn(olga, self.deliver([olga], "while the company is suspended"))
        api.post(path + "/resume", expect=200)
        self.assertTrue(self.imap_ok(olga))
        api.delete(path)
        self.assertFalse(self.imap_ok(olga))
        self.assertIn(olga, self.deliver([olga], "company deleted"))
        api.post(path + "/restore", expect=200)
        self.assertTrue(self.imap_ok(olga))
        self.assertIsNone(self.submit(olga, ["friend@outside.test"], "company restored"))

if __name__ == "__main__":
    unittest.main(verbosity=2, failfast=False)
