"""Invented, deterministic names, ID numbers and phone numbers for the demo community.

Every value comes from a seeded ``random.Random``, so every run builds the same people.
No name here belongs to a real person on purpose; the ID numbers are made up with a valid
check digit so that they pass the same validation as real ones.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum.cn import ric

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
            "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯"
            "龙史陶贺顾毛郝龚邵万钱严武戴孔汤")
OLD_GIVEN = "淑秀桂兰英珍凤玉芳华德福贵国志建明文荣振永春树宝金瑞庆占长素翠凤桂香兰荣海山恩"
YOUNG_GIVEN = "浩宇子涵欣怡晨轩思雨博佳梓俊婷磊鹏静丽伟强敏娜洋杰超琳倩颖昊睿悦彤晗堃喆赟"
MINORITY = ("阿依古丽·买买提", "热娜·吐尔逊", "巴特尔·乌力吉", "其其格·宝音")
AREA_CODES = ("110106", "110106", "110106", "110105", "110108", "130102", "370102")


class NameMaker:
    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self._used_ids: set[str] = set()

    def name(self, birth_year: int) -> str:
        pool = OLD_GIVEN if birth_year < 1970 else YOUNG_GIVEN
        if self.random.random() < 0.004:
            return self.random.choice(MINORITY)
        length = 1 if self.random.random() < 0.3 else 2
        return self.random.choice(SURNAMES) + "".join(self.random.choice(pool) for _ in range(length))

    def birth_date(self, start_year: int, end_year: int) -> date:
        first = date(start_year, 1, 1)
        days = (date(end_year, 12, 31) - first).days
        return first + timedelta(days=self.random.randint(0, days))

    def id_number(self, birth: date, gender: str) -> str:
        while True:
            sequence = self.random.randint(0, 499) * 2 + (1 if gender == "男" else 0)
            area = self.random.choice(AREA_CODES)
            body = f"{area}{birth:%Y%m%d}{sequence:03d}"
            # calc_check_digit drops the last character it is given; and an area code must
            # have existed in the birth year, else stdnum rejects the number.
            number = body + ric.calc_check_digit(body + "0")
            if not ric.is_valid(number):
                body = f"110106{birth:%Y%m%d}{sequence:03d}"
                number = body + ric.calc_check_digit(body + "0")
            if number not in self._used_ids:
                self._used_ids.add(number)
                return number

    def mobile(self) -> str:
        return f"1{self.random.choice('3578')}{self.random.randint(0, 9)}{self.random.randint(0, 99999999):08d}"

    def landline(self) -> str:
        return f"010-6{self.random.randint(0, 9999999):07d}"

    def gender(self) -> str:
        return self.random.choice("男女")
