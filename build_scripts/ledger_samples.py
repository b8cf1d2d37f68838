"""Write the sample ledgers under resources/samples/: files like the ones staff keep in Excel,
with the usual faults (a title row, an ID number Excel turned into a number, a wrong phone,
blank rows, free-text availability), to try the import window on the demo community.

    python build_scripts/ledger_samples.py
"""

from __future__ import annotations

import csv
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from stdnum.cn import ric

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "samples"


def _id(birth: date, serial: int) -> str:
    body = f"110106{birth:%Y%m%d}{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


def residents(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "居民"
    rows = [
        ["花乡街道干休所大院居民台账（2026年11月）"],
        ["序号", "姓名", "身份证号码", "性别", "出生年月", "联系电话", "小区", "楼号", "单元", "门牌",
         "楼层", "有无电梯", "独居", "备注"],
        [1, "柏松年", _id(date(1931, 3, 14), 11), "男", datetime(1931, 3, 14), "010-63815520",
         "干休所大院", "2号楼", "1", "501", 5, "无", "是", "老伴已故，女儿每周来一次"],
        [2, "荀玉芬", _id(date(1934, 9, 2), 22), "女", "1934/09/02", "13601107766", "干休所大院",
         "2号楼", "2", "302", 3, "无", "否", ""],
        [3, "乔德厚", float(_id(date(1929, 12, 1), 31)[:17]) * 10, "男", "1929.12.01", "",
         "干休所大院", "3号楼", "1", "401", 4, "无", "√", "身份证号被Excel改成了数字"],
        [None] * 14,
        [4, "冉秀珍", "", "女", "1936年05月20日", "1390110", "干休所大院", "3号楼", "2", "101", 1,
         "无", "否", "手机号少了几位"],
        [5, "滕桂兰", "", "女", "19380808", "63815521", "干休所大院", "3号楼", "2", "102", 1, "无",
         "×", ""],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A1:N1")
    for column, width in zip("ABCDEFGHIJKLMN", (6, 10, 22, 6, 12, 15, 12, 8, 6, 6, 6, 8, 6, 30),
                             strict=True):
        sheet.column_dimensions[column].width = width
    book.save(path)


def volunteers(path: Path) -> None:
    rows = [
        ["姓名", "性别", "出生日期", "手机号", "所属队伍", "技能", "可服务时间", "备注"],
        ["戚晓峰", "男", "1986-04-18", "13716620318", "新发地村青年先锋队", "驾驶、体力好", "周末全天", ""],
        ["闵若楠", "女", "1988-11-03", "18810337705", "新发地村青年先锋队", "医护", "工作日晚上，周六上午", ""],
        ["阮志刚", "男", "1984-07-21", "13520068812", "花乡街道应急突击队", "电工、水暖", "随时", "新队伍"],
        ["卜丽娟", "女", "1990-02-29", "13911223344", "新发地村青年先锋队", "", "周一三五下午", "没有这一天"],
        ["焦文博", "男", "1983-06-06", "15901099876", "高立庄夕阳红志愿服务队", "摄影", "看情况再说", ""],
    ]
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(rows)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    residents(OUT / "居民台账示例.xlsx")
    volunteers(OUT / "志愿者台账示例.csv")
    print(f"已写入 {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
