"""docs/deploy.md stays in step with the code: its nginx site serves what docs/nginx.md says, its units run commands
that exist with the options they pass, its settings are settings, and its gunicorn.conf.py names gunicorn settings."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from gunicorn.config import KNOWN_SETTINGS

from web.cli import cli

DOCS = Path(__file__).resolve().parents[2] / "docs"
DOC = (DOCS / "deploy.md").read_text(encoding="utf-8")
README = (DOCS.parent / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", DOC, re.S)
NGINX_MD = re.findall(r"```nginx\n(.*?)```", (DOCS / "nginx.md").read_text(encoding="utf-8"), re.S)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCKS if lang == language]


def exec_lines() -> list[list[str]]:
    return [shlex.split(line.split("=", 1)[1]) for unit in blocks("ini") for line in unit.splitlines()
            if line.startswith("ExecStart=")]


def test_the_site_serves_the_files_nginx_md_describes():
    site = blocks("nginx")[0]
    file_location = re.compile(r"location ~ (\^\S+\$) \{")
    assert file_location.search(site).group(1) == file_location.search(NGINX_MD[0]).group(1)
    assert re.search(r'map "\$http_cookie\|\$args" \$loa_files \{.*?\}', site, re.S).group(0).replace(
        "/srv/loa/public", "ROOT") == re.search(r'map "\$http_cookie\|\$args" \$loa_files \{.*?\}', NGINX_MD[0],
                                                re.S).group(0).replace("/srv/loa/public", "ROOT")
    # nginx serves the published files from the data folder the settings name.
    assert "default                           /srv/loa/public;" in site and "LOA_DATA_DIR=/srv/loa\n" in DOC
    assert site.count("include snippets/loa-files.conf;") == 2 and "X-Forwarded-For" in blocks("nginx")[1]


def test_every_loa_command_the_guide_runs_exists_with_the_options_it_passes():
    commands = [shlex.split(line)[line.split().index("loa") + 1:] for line in re.findall(r"/opt/loa/venv/bin/(loa [^'\n]*)", DOC)]
    commands += [words[1:] for words in exec_lines() if words[0].endswith("/loa")]
    assert {" ".join(c[:1]) for c in commands} >= {"worker", "db", "areas", "user", "backup"}
    for words in commands:
        command, rest = cli.commands[words[0]], words[1:]
        while hasattr(command, "commands") and rest:  # a group: its subcommand
            command, rest = command.commands[rest[0]], rest[1:]
        options = {name for param in command.params for name in param.opts}
        assert {word for word in rest if word.startswith("--")} <= options, words


def test_the_web_unit_serves_the_app_factory_with_the_config_file_the_guide_writes():
    [gunicorn] = [words for words in exec_lines() if words[0].endswith("/gunicorn")]
    assert gunicorn[-1] == "web:create_app()" and "--config" in gunicorn
    assert gunicorn[gunicorn.index("--config") + 1] == "/etc/loa/gunicorn.conf.py"
    import web

    assert callable(web.create_app)


def test_gunicorn_conf_names_only_gunicorn_settings():
    [conf] = blocks("python")
    names: dict[str, object] = {}
    exec(compile(conf, "gunicorn.conf.py", "exec"), names)  # the guide's own file, run to read the names it sets
    known = {setting.name for setting in KNOWN_SETTINGS}
    assert {name for name in names if not name.startswith("__")} <= known


def test_every_setting_in_loa_env_is_one_loa_reads():
    env = next(body for body in blocks("sh") if body.startswith("LOA_DATABASE_URL="))
    names = set(re.findall(r"^(LOA_[A-Z_]+)=", env, re.M))
    assert {"LOA_REDIS_URL", "LOA_DATA_DIR", "LOA_SECRET_KEY", "LOA_CREDENTIALS_KEY", "LOA_TIPOFF_KEY"} <= names
    documented = set(re.findall(r"^\| `(LOA_[A-Z_]+)`", README, re.M))
    assert names <= documented
