#!/usr/bin/python3
"""How soon a change made through the API reaches the mail daemons: a real mailadmind, Dovecot and Postfix
on loopback (tests/mail/mailrig.py). For each kind of change, 20 times: the time from sending the API
request to the first daemon answer that reflects it, polling the daemon as fast as it answers.

  - password change  -> Dovecot accepts an IMAP login with the new password
  - suspension       -> Dovecot refuses the IMAP login
  - deletion         -> Postfix refuses the recipient at RCPT

Dovecot's auth_failure_delay (2 s by default, a deliberate pause before saying no) is set to 0 here, and
each refused login comes from a loopback address of its own (Dovecot's auth penalty slows
an address's logins for seconds after it failed), so that an answer is timed by when it is decided rather
than by those deliberate pauses. Prints median and maximum.
Needs root (it starts the daemons).   bench/mail_propagation.py [--runs N]"""

import argparse
import imaplib
import os
import smtplib
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "mail"))
from mailrig import MailRig  # noqa: E402

DOMAIN = "bench.example"


class SourcedIMAP4(imaplib.IMAP4):
    """An IMAP client from a chosen loopback address: Dovecot's auth penalty after failed logins is per
    remote address, so the refusals timed for suspension must not slow the logins timed for passwords."""

    def __init__(self, host, port, source):
        self.source = source
        super().__init__(host, port)

    def _create_socket(self, timeout):
        import socket
        return socket.create_connection((self.host, self.port), timeout, source_address=(self.source, 0))


def imap_login(rig, user, password, source="127.0.0.2"):
    client = SourcedIMAP4("127.0.0.1", rig.ports["imap"], source)
    try:
        client.login(user, password)
        client.logout()
        return True
    except imaplib.IMAP4.error:
        client.logout()
        return False


def rcpt_accepted(rig, address):
    with smtplib.SMTP("127.0.0.1", rig.ports["smtp"]) as client:
        client.ehlo()
        client.mail("someone@outside.test")
        code, _ = client.rcpt(address)
        client.rset()
        return code == 250


POLLS = []  # how many daemon answers each change took to show; 1 means the first answer after the API's


def until(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    polls = 0
    while time.monotonic() < deadline:
        polls += 1
        if predicate():
            POLLS.append(polls)
            return time.monotonic()
    raise RuntimeError("the daemon never changed its answer")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with MailRig(dovecot_extra="auth_failure_delay = 0") as rig:
        api = rig.api
        company = api.post("/companies", {"name": "Bench Co"}, expect=201)
        api.post("/companies/%d/domains" % company["id"], {"name": DOMAIN}, expect=201)
        user = "ivy@" + DOMAIN
        api.post("/domains/%s/users" % DOMAIN, {"local_part": "ivy", "password": "Start-Pass-2026-x"}, expect=201)
        results = {"password change -> new password accepted (IMAP)": [],
                   "suspension -> login refused (IMAP)": [],
                   "deletion -> recipient refused (Postfix RCPT)": []}
        api_times = []
        password = "Start-Pass-2026-x"
        for run in range(args.runs):
            new = "Bench-Pass-%d-river" % run
            start = time.monotonic()
            api.post("/users/%s/password" % user, {"password": new}, expect=200)
            api_times.append(time.monotonic() - start)
            results["password change -> new password accepted (IMAP)"].append(
                until(lambda: imap_login(rig, user, new)) - start)
            password = new

            start = time.monotonic()
            api.post("/users/%s/suspend" % user, expect=200)
            results["suspension -> login refused (IMAP)"].append(
                until(lambda: not imap_login(rig, user, password, "127.0.1.%d" % (run + 1))) - start)
            api.post("/users/%s/unsuspend" % user, expect=200)

            current = api.get("/users/" + user)
            start = time.monotonic()
            api.call("DELETE", "/users/" + user, if_match=current["version"])
            results["deletion -> recipient refused (Postfix RCPT)"].append(
                until(lambda: not rcpt_accepted(rig, user)) - start)
            api.post("/users/%s/restore" % user, expect=200)
            until(lambda: rcpt_accepted(rig, user))
            POLLS.pop()
        print("Change through the API to the daemon's changed answer, %d runs each (milliseconds):" % args.runs)
        for name, values in results.items():
            ms = [v * 1000 for v in values]
            print("  %-50s median %7.1f   max %7.1f" % (name, statistics.median(ms), max(ms)))
        print("  %-50s median %7.1f" % ("(of which the password API call itself)",
                                          statistics.median(api_times) * 1000))
        print("  daemon answers needed before the change showed: %s (1 = the first answer after the API's)"
              % ", ".join("%d x %d" % (POLLS.count(n), n) for n in sorted(set(POLLS))))


if __name__ == "__main__":
    main()
