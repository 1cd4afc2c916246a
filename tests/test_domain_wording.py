"""Every sentence the domain says to people is translatable: written as a content.wording.Text the extractor
finds (babel.cfg, `-k Text`), and translated in the English catalogue — so a new domain message that nobody
translated, or one written as a plain string, fails here rather than showing Vietnamese in English."""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = ("content", "campaigns", "scheduler")
CATALOGUE = ROOT / "web" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
# The domain's errors, whose first argument (or, for InvalidInput, each value of its dict) people read.
ERRORS = {"LoaError", "NotFound", "PermissionDenied", "Conflict", "InvalidTransition", "InvalidInput",
          "AudioUnavailable", "AudioFailed", "CredentialError"}


def domain_messages() -> dict[str, list[str]]:
    """msgid → where it is said, extracted exactly as the README's `pybabel extract` command does."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {**DEFAULT_KEYWORDS, "lazy_gettext": None, "Text": None}
    found: dict[str, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=keywords):
        if filename.startswith(DOMAIN) and isinstance(message, str):
            found.setdefault(message, []).append(f"{filename}:{lineno}")
    return found


def test_every_domain_message_has_an_english_translation():
    found = domain_messages()
    assert len(found) > 100, "babel.cfg no longer extracts the domain packages' Text(...) sentences"
    with CATALOGUE.open("rb") as source:
        translated = {m.id: m for m in read_po(source, locale="en") if m.id}
    missing = {msgid: where for msgid, where in found.items()
               if msgid not in translated or translated[msgid].fuzzy or not translated[msgid].string}
    assert missing == {}, "add these to web/translations/en/LC_MESSAGES/messages.po (README, Translations)"


def _is_plain_sentence(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _called(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""


def untranslatable(source: str, name: str) -> list[str]:
    """Sentences for people written so the extractor cannot see them (a str, an f-string, Text(variable))."""
    flagged: list[ast.expr] = []
    for node in ast.walk(ast.parse(source, filename=name)):
        if isinstance(node, ast.Call) and _called(node) in ERRORS and node.args:
            first = node.args[0]
            said = [v for v in first.values if v is not None] if isinstance(first, ast.Dict) else [first]
            flagged += [v for v in said if _is_plain_sentence(v)]
        elif isinstance(node, ast.Call) and _called(node) == "Text":
            if not (node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                flagged.append(node)
        elif isinstance(node, ast.Assign) and _is_plain_sentence(node.value) and any(
                isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == "errors"
                for t in node.targets):
            flagged.append(node.value)
    return [f"{name}:{n.lineno}: {ast.unparse(n)[:80]}" for n in flagged]


def test_domain_errors_say_their_sentences_as_text():
    # content/wording.py rebuilds a Text from one already extracted.
    paths = [p for package in DOMAIN for p in sorted((ROOT / package).rglob("*.py")) if p.name != "wording.py"]
    plain = [line for path in paths
             for line in untranslatable(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert plain == [], "write these as content.wording.Text(\"…\") so web/ can translate them"


def test_the_check_sees_each_way_a_sentence_escapes_translation():
    source = ('raise NotFound(f"Không có {x}.")\n'
              'errors["a"] = "Sai."\n'
              'raise InvalidInput({"b": "Sai.", "c": Text("Đúng.")})\n'
              'y = wording.Text(message)\n'
              'raise PermissionDenied(Text("Đúng."))\n')
    assert sorted(line.split(":")[1] for line in untranslatable(source, "probe.py")) == ["1", "2", "3", "4"]
