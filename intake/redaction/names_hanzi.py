"""Chinese personal names written in Chinese characters (李秀英, 张丽华, 王小明).

In the testimonies these appear as short runs inside Korean or English text — a name read
off a badge, a mother-in-law's name — so a run of two or three characters that starts with
a common surname, is not a place or an institution, and does not end in a character that
makes it one (市, 局, 村, 路 …) is taken as a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intake.redaction.finding import Span
from intake.redaction.gazetteer import Gazetteer
from intake.redaction.lexicon import CN_SURNAMES_ZH
from intake.redaction.text import HANZI

_RUN = re.compile(f"[{HANZI}]+")
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "南宫")
# Last characters that make a run a place, an organisation, a thing or a date.
_NOT_LAST = frozenset(
    "市县省州镇乡区村路街号楼室局所队部院校厂站营场店馆族人语文元年月日时分岁国党军警"
    "江河山岛湖港门桥道"
)
_NOT_NAMES = frozenset(
    {"公安", "边防", "中国", "朝鲜", "韩国", "武警", "安全", "国家", "政府", "金日成", "金正日",
     "金正恩", "习近平", "毛泽东", "邓小平", "朝鲜族", "汉族", "吉林", "延边", "龙井", "和龙",
     "安图", "汪清", "白山", "通化", "长白", "黑龙江", "高丽", "于是", "方便", "向前", "任何",
     "许多", "万一", "常常", "白天", "高兴", "高中", "黄金", "马上"}
)


_SURNAME_CLASS = "".join(sorted(CN_SURNAMES_ZH))
# "他叫刘强", "名字是王小明": a name at the end of a longer run, after the verb naming it.
_NAMED = re.compile(
    f"(?:叫做|名叫|叫|名字是|名字叫|姓名|名为)(?P<name>[{_SURNAME_CLASS}][{HANZI}]{{1,2}})$"
)


def find_hanzi_names(folded: str, places: Gazetteer) -> Iterator[Span]:
    for m in _RUN.finditer(folded):
        run = m.group()
        if len(run) == 2 and run[0] in "老小阿" and run[1] in CN_SURNAMES_ZH:
            yield Span(m.start(), m.end(), "PERSON", 0.6)  # 老金, 小王: a man called by surname
            continue
        named = _NAMED.search(run)
        if named and len(run) > 3:
            yield Span(m.start() + named.start("name"), m.end(), "PERSON", 0.7)
            continue
        surname = 2 if run[:2] in _COMPOUND_SURNAMES else 1
        if not surname + 1 <= len(run) <= surname + 2:
            continue
        if surname == 1 and run[0] not in CN_SURNAMES_ZH:
            continue
        if run in _NOT_NAMES or run[-1] in _NOT_LAST or places.has_zh(run):
            continue
        yield Span(m.start(), m.end(), "PERSON", 0.6 if len(run) == 3 else 0.55)
