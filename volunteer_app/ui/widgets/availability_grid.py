"""A weekly availability grid: seven weekdays × 上午 / 下午 / 晚上, one checkbox each.

It edits a :class:`~volunteer_app.domain.availability.Availability`; the stored text
(``"1am,6pm"``) is the domain's business, so the grid only maps boxes to slots.
Clicking a weekday's name toggles that whole day.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QWidget

from ...domain.availability import PARTS, Availability

_DAY_NAMES = (
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周一"), QT_TRANSLATE_NOOP("AvailabilityGrid", "周二"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周三"), QT_TRANSLATE_NOOP("AvailabilityGrid", "周四"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周五"), QT_TRANSLATE_NOOP("AvailabilityGrid", "周六"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周日"),
)
_PART_NAMES = {"am": QT_TRANSLATE_NOOP("AvailabilityGrid", "上午"),
               "pm": QT_TRANSLATE_NOOP("AvailabilityGrid", "下午"),
               "ev": QT_TRANSLATE_NOOP("AvailabilityGrid", "晚上")}


class AvailabilityGrid(QWidget):
    """Child checkboxes are named ``<objectName>.<weekday><part>``, e.g. ``….1am``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, object_name: str = "availability_grid"):
        super().__init__(parent)
        self.setObjectName(object_name)
        self._boxes: dict[tuple[int, str], QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(2)
        for column, part in enumerate(PARTS, start=1):
            header = QLabel(QCoreApplication.translate("AvailabilityGrid", _PART_NAMES[part]))
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(header, 0, column)
        for day in range(1, 8):
            day_button = QPushButton(QCoreApplication.translate("AvailabilityGrid", _DAY_NAMES[day - 1]))
            day_button.setObjectName(f"{object_name}.day{day}")
            day_button.setFlat(True)
            day_button.setToolTip(self.tr("点一下选中或取消这一整天"))
            day_button.clicked.connect(lambda _checked=False, d=day: self._toggle_day(d))
            layout.addWidget(day_button, day, 0)
            for column, part in enumerate(PARTS, start=1):
                box = QCheckBox()
                box.setObjectName(f"{object_name}.{day}{part}")
                box.setAccessibleName(f"{_DAY_NAMES[day - 1]}{_PART_NAMES[part]}")
                box.toggled.connect(self.changed)
                layout.addWidget(box, day, column, Qt.AlignmentFlag.AlignCenter)
                self._boxes[(day, part)] = box

    def availability(self) -> Availability:
        return Availability(frozenset(slot for slot, box in self._boxes.items() if box.isChecked()))

    def set_availability(self, availability: Availability) -> None:
        with _Quiet(self):
            for slot, box in self._boxes.items():
                box.setChecked(slot in availability.slots)
        self.changed.emit()

    def text(self) -> str:
        """The stored form, e.g. ``"1am,1pm,6ev"``."""
        return self.availability().to_text()

    def set_text(self, text: str | None) -> None:
        self.set_availability(Availability.parse(text))

    def box(self, day: int, part: str) -> QCheckBox:
        return self._boxes[(day, part)]

    def _toggle_day(self, day: int) -> None:
        boxes = [self._boxes[(day, part)] for part in PARTS]
        target = not all(box.isChecked() for box in boxes)
        with _Quiet(self):
            for box in boxes:
                box.setChecked(target)
        self.changed.emit()


class _Quiet:
    """Set many boxes with one ``changed`` at the end instead of one per box."""

    def __init__(self, grid: AvailabilityGrid):
        self._grid = grid

    def __enter__(self) -> None:
        self._grid.blockSignals(True)
        for box in self._grid._boxes.values():
            box.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        for box in self._grid._boxes.values():
            box.blockSignals(False)
        self._grid.blockSignals(False)
