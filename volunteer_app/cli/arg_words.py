"""argparse's complaints in Chinese: the one line a mistyped command gets.

argparse words its errors in English through gettext, and Python ships no Chinese catalogue
for it; the patterns below are the messages of Python 3.11–3.13's argparse. One that is not
known keeps its English after the Chinese lead, so nothing is hidden.
"""

from __future__ import annotations

import re
import unicodedata

# Positional arguments are named by their English dest where no metavar says otherwise.
_NAMES = {"kind": "类别", "file": "文件", "command": "命令", "action": "操作"}
_TYPES = {"int": "整数", "float": "数字", "Path": "文件路径", "date": "日期"}


def _invalid_value(match: re.Match[str]) -> str:
    kind = _TYPES.get(match["type"], match["type"])
    return f"应为{kind}，现在是“{match['value'].strip(chr(39))}”"


def _choices(match: re.Match[str]) -> str:
    choices = "、".join(c.strip(" '") for c in match["choices"].split(","))
    return f"“{match['value'].strip(chr(39))}”不是可选的值（可选：{choices}）"


_INNER: tuple[tuple[str, object], ...] = (
    (r"expected one argument", "后面缺少取值"),
    (r"expected at most one argument", "最多只能跟一个取值"),
    (r"expected at least one argument", "后面至少要跟一个取值"),
    (r"expected (?P<n>\d+) arguments?", lambda m: f"后面要跟{m['n']}个取值"),
    (r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)", _choices),
    (r"invalid (?P<type>\w+) value: (?P<value>.+)", _invalid_value),
    (r"not allowed with argument (?P<other>.+)", lambda m: f"不能与{m['other']}同时使用"),
    (r"ignored explicit argument (?P<value>.+)", lambda m: f"不需要取值（多余的是{m['value']}）"),
    # a type= of cli/typed_values that says itself, in Chinese, what is wrong with the value
    (r"(?P<said>[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef].*)", lambda m: f"有误：{m['said']}"),
)

_OUTER: tuple[tuple[str, object], ...] = (
    (r"the following arguments are required: (?P<names>.+)",
     lambda m: f"缺少必填的参数：{_named(m['names'])}"),
    (r"unrecognized arguments: (?P<names>.+)", lambda m: f"无法识别的参数：{m['names']}"),
    (r"one of the arguments (?P<names>.+) is required",
     lambda m: f"以下参数必须填一个：{m['names'].replace(' ', '、')}"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
     lambda m: f"参数{m['option']}不明确，可能是：{m['matches']}"),
)


def _named(names: str) -> str:
    return "、".join(_NAMES.get(n.strip(), n.strip()) for n in re.split(r",\s*|/", names))


def _apply(rules: tuple[tuple[str, object], ...], text: str) -> str | None:
    for pattern, words in rules:
        match = re.fullmatch(pattern, text)
        if match:
            return words(match) if callable(words) else str(words)
    return None


def chinese(message: str) -> str:
    """argparse's ``message`` in Chinese, or the English as it is when the pattern is new."""
    argument = re.fullmatch(r"argument (?P<name>[^:]+): (?P<inner>.+)", message)
    if argument:
        inner = _apply(_INNER, argument["inner"])
        return f"参数{_named(argument['name'])}{inner}" if inner else message
    return _apply(_OUTER, message) or message


# A Chinese input method types -- as —— (and a word processor as — or –); full-width mode as －－.
_DASHED_OPTION = re.compile(r"[\u2010-\u2015\u2212\uff0d]{1,2}(?P<word>[A-Za-z\uff21-\uff3a\uff41-\uff5a][-\w\uff0d]*)(=.*)?")


def dash_slips(argv: list[str]) -> str:
    """The words of ``argv`` that are options typed with a Chinese dash, as a hint to append to
    argparse's complaint ("" when there are none): argparse takes them for values, and says
    the options the person did type are missing."""
    slips = [(token, match["word"]) for token in argv if (match := _DASHED_OPTION.fullmatch(token))]
    if not slips:
        return ""
    typed = "".join(f"“{token.split('=')[0]}”" for token, _ in slips)
    meant = "、".join("--" + unicodedata.normalize("NFKC", word).replace("－", "-") for _, word in slips)
    return f"；{typed}前面是中文破折号或全角减号，请改成半角的 {meant}"
