#!/usr/bin/python3
"""The mail servers' contract on PostgreSQL: the mail_* views and the queries `mailadmind mailconf` writes are
plain SQL that PostgreSQL runs as SQLite does. A throwaway PostgreSQL (initdb, pg_ctl) on a free loopback port
gets the columns of the directory's tables the views read, a seeded directory's rows, and the views exactly as
the SQLite database holds them; then every Postfix table answers the same through `postmap -q` over `pgsql:`
as over `sqlite:`, and Dovecot's queries return the same rows. Needs root (PostgreSQL runs as postgres)."""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mailrig import free_port, mailadmind_binary, wait_for_port  # noqa: E402

# The columns the views read, with the types the migrations give them on PostgreSQL.
TABLES = {
    "companies": "id BIGINT PRIMARY KEY, status TEXT NOT NULL, deleted_at BIGINT",
    "domains": "id BIGINT PRIMARY KEY, company_id BIGINT NOT NULL REFERENCES companies(id), name TEXT NOT NULL UNIQUE, "
               "disabled INTEGER NOT NULL, deleted_at BIGINT",
    "domain_aliases": "name TEXT PRIMARY KEY, domain_id BIGINT NOT NULL REFERENCES domains(id)",
    "mail_stores": "id BIGINT PRIMARY KEY, name TEXT NOT NULL, mail_location TEXT",
    "users": "id BIGINT PRIMARY KEY, domain_id BIGINT NOT NULL REFERENCES domains(id), local_part TEXT NOT NULL, "
             "address TEXT NOT NULL UNIQUE, type TEXT NOT NULL, quota BIGINT NOT NULL, "
             "forward_recipients TEXT NOT NULL, service_imap TEXT NOT NULL, service_pop TEXT NOT NULL, "
             "service_smtp TEXT NOT NULL, status TEXT NOT NULL, password_hash TEXT, deleted_at BIGINT, store_id BIGINT",
    "user_aliases": "address TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id)",
}
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1] if glob.glob("/usr/lib/postgresql/*/bin") else ""


def run(*args, stdin=None, user=None, check=True):
    command = list(args)
    if user:
        command = ["runuser", "-u", user, "--"] + command
    return subprocess.run(command, input=stdin, capture_output=True, text=True, check=check, timeout=120)


def literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class MailPgsqlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if os.geteuid() != 0:
            raise unittest.SkipTest("starts PostgreSQL as its own user and needs root")
        cls.dir = tempfile.mkdtemp(prefix="mailadmin-pgsql-")
        os.chmod(cls.dir, 0o755)
        cls.db = os.path.join(cls.dir, "mailadmin.db")
        binary = mailadmind_binary()
        run(binary, "init", "--db", cls.db, "--operator", "operator-root", "--password-stdin",
            stdin="Pg-Check-Operator-77\n")
        run(binary, "seed-demo", "--db", cls.db, "--seed", "3", "--companies", "2", "--domains", "6", "--users", "300",
            "--password-stdin", "--fast-hash", stdin="Pg-Check-Operator-77\n")
        cls.pgdata = os.path.join(cls.dir, "pg")
        os.makedirs(cls.pgdata)
        shutil.chown(cls.pgdata, "postgres", "postgres")
        cls.port = free_port()
        run(os.path.join(PG_BIN, "initdb"), "-D", os.path.join(cls.pgdata, "data"), "-A", "trust", "-U", "postgres",
            user="postgres")
        cls.started = False
        run(os.path.join(PG_BIN, "pg_ctl"), "-D", os.path.join(cls.pgdata, "data"), "-l",
            os.path.join(cls.pgdata, "log"), "-w", "-o",
            "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off" % (cls.port, cls.pgdata), "start",
            user="postgres")
        cls.started = True
        wait_for_port(cls.port)
        cls.psql("CREATE DATABASE mailadmin", database="postgres")

        source = sqlite3.connect(cls.db)
        statements = []
        for table, columns in TABLES.items():
            statements.append("CREATE TABLE %s (%s);" % (table, columns))
            names = [c.split()[0] for c in columns.split(", ") if not c.split()[0].isupper()]
            for row in source.execute("SELECT %s FROM %s" % (", ".join(names), table)):
                statements.append("INSERT INTO %s (%s) VALUES (%s);"
                                  % (table, ", ".join(names), ", ".join(literal(v) for v in row)))
        # The views as the SQLite database holds them, in the order they were made.
        for (sql,) in source.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name LIKE 'mail\\_%' "
                                     "ESCAPE '\\' ORDER BY rowid"):
            statements.append(sql + ";")
        cls.users = [r[0] for r in source.execute("SELECT address FROM users")]
        cls.user_aliases = [r[0] for r in source.execute("SELECT address FROM user_aliases")]
        cls.alias_domains = [r[0] for r in source.execute("SELECT name FROM domain_aliases")]
        cls.domains = [r[0] for r in source.execute("SELECT name FROM domains")]
        source.close()
        cls.psql("\n".join(statements))

        cls.conf_sqlite = os.path.join(cls.dir, "conf-sqlite")
        cls.conf_pgsql = os.path.join(cls.dir, "conf-pgsql")
        run(binary, "mailconf", "--db", cls.db, "--out", cls.conf_sqlite)
        cls.connect = "host=127.0.0.1 port=%d dbname=mailadmin user=postgres" % cls.port
        run(binary, "mailconf", "--driver", "pgsql", "--pg-connect", cls.connect, "--out", cls.conf_pgsql)
        # postmap reads a main.cf; this one holds nothing but the compatibility level.
        cls.postfix_dir = os.path.join(cls.dir, "postfix")
        os.makedirs(cls.postfix_dir)
        with open(os.path.join(cls.postfix_dir, "main.cf"), "w") as f:
            f.write("compatibility_level = 3.6\n")

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "started", False):
            run(os.path.join(PG_BIN, "pg_ctl"), "-D", os.path.join(cls.pgdata, "data"), "-m", "immediate", "stop",
                user="postgres", check=False)
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def psql(cls, sql, database="mailadmin"):
        return run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-h", "127.0.0.1", "-p", str(cls.port),
                   "-U", "postgres", "-d", database, stdin=sql).stdout

    def postmap(self, table, keys):
        """Every key's answer from one table (postmap -q - reads the keys from standard input)."""
        result = run("postmap", "-c", self.postfix_dir, "-q", "-", table, stdin="".join(k + "\n" for k in keys),
                     check=False)
        self.assertIn(result.returncode, (0, 1), "postmap failed on %s: %s" % (table, result.stderr))
        self.assertEqual(result.stderr, "", "postmap on %s: %s" % (table, result.stderr))
        answers = {}
        for line in result.stdout.splitlines():
            key, _, value = line.partition("\t")
            answers[key] = value
        return answers

    def test_files_name_pgsql(self):
        with open(os.path.join(self.conf_pgsql, "dovecot-sql.conf.ext")) as f:
            text = f.read()
        self.assertIn("driver = pgsql\n", text)
        self.assertIn("connect = %s\n" % self.connect, text)
        with open(os.path.join(self.conf_pgsql, "postfix", "virtual_mailbox_maps.cf")) as f:
            text = f.read()
        self.assertIn("hosts = inet:127.0.0.1:%d\n" % self.port, text)
        self.assertIn("dbname = mailadmin\n", text)
        self.assertNotIn("dbpath", text)
        with open(os.path.join(self.conf_pgsql, "postfix", "main.cf.lines")) as f:
            main = f.read()
        self.assertIn("virtual_mailbox_maps = pgsql:", main)
        self.assertNotIn("sqlite:", main)

    def test_postfix_tables_answer_alike(self):
        keys = (self.users + self.user_aliases + self.domains + self.alias_domains
                + ["nobody@" + d for d in self.domains[:2]]
                + [u.split("@")[0] + "@" + a for u in self.users[:40] for a in self.alias_domains[:2]]
                + ["o'brien@" + self.domains[0], "x@nowhere.example", "%@" + self.domains[0]])
        for table in sorted(os.listdir(os.path.join(self.conf_pgsql, "postfix"))):
            if not table.endswith(".cf"):
                continue
            pg = self.postmap("pgsql:" + os.path.join(self.conf_pgsql, "postfix", table), keys)
            lite = self.postmap("sqlite:" + os.path.join(self.conf_sqlite, "postfix", table), keys)
            self.assertEqual(pg, lite, table)
            self.assertGreater(len(pg), 0, "%s found nothing" % table)

    def test_dovecot_queries_return_alike(self):
        with open(os.path.join(self.conf_pgsql, "dovecot-sql.conf.ext")) as f:
            queries = dict(re.findall(r"^(\w+_query) = (.*)$", f.read(), re.M))
        self.assertEqual(set(queries), {"password_query", "user_query", "iterate_query"})
        lite = sqlite3.connect(self.db)
        # Every query in one psql run, each answer after a marker line.
        asked = []
        for address in self.users[:60] + ["nobody@" + self.domains[0], "o'brien@" + self.domains[0]]:
            for protocol in ("imap", "pop3", "smtp", "submission"):
                for name in ("password_query", "user_query"):
                    asked.append(queries[name].replace("%u", address.replace("'", "''")).replace("%s", protocol))
        script = "".join("\\echo ==%d==\n%s;\n" % (i, sql) for i, sql in enumerate(asked))
        answers = {}
        current = None
        for line in self.psql(script).splitlines():
            marker = re.fullmatch(r"==(\d+)==", line)
            if marker:
                current = int(marker.group(1))
                answers[current] = []
            elif line:
                answers[current].append(tuple(line.split("|")))
        checked = 0
        for i, sql in enumerate(asked):
            lite_rows = [tuple("" if v is None else str(v) for v in row) for row in lite.execute(sql)]
            self.assertEqual(answers.get(i), lite_rows, sql)
            checked += bool(lite_rows)
        self.assertGreater(checked, 0)
        pg_users = sorted(self.psql(queries["iterate_query"] + ";").split())
        self.assertEqual(pg_users, sorted(r[0] for r in lite.execute(queries["iterate_query"])))
        lite.close()

    def test_bad_connect_strings_write_nothing(self):
        for connect in ("host=127.0.0.1 user=postgres", "dbname=x sslmode=require", "dbname='x", "dbname=x port=0",
                        "dbname=x password"):
            out = os.path.join(self.dir, "bad")
            result = run(mailadmind_binary(), "mailconf", "--driver", "pgsql", "--pg-connect", connect, "--out", out,
                         check=False)
            self.assertNotEqual(result.returncode, 0, connect)
            self.assertIn("--pg-connect", result.stderr + result.stdout)
            self.assertFalse(os.path.exists(out), connect)
        result = run(mailadmind_binary(), "mailconf", "--driver", "mysql", "--db", self.db, "--out",
                     os.path.join(self.dir, "bad"), check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "bad")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
