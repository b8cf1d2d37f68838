"""Tabs built the first time they are chosen (issue 16).

A page with several tabs used to build (and import) every tab as it opened, though only the
first is seen: on a street-sized file that was most of 诉求's and 服务记录's first block on the
GUI thread. :class:`LazyTabs` puts an empty placeholder in the tab bar and swaps the real tab
in when the placeholder is chosen, or when the page asks for the tab (``widget(key)``: a
button, a test), so the page keeps the same attributes it had with eager tabs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    def __init__(self, tabs: QTabWidget):
        super().__init__(tabs)
        self._tabs = tabs
        self._builders: dict[str, Callable[[], QWidget]] = {}
        self._slots: dict[str, QWidget] = {}    # key -> the placeholder, then the real tab
        tabs.currentChanged.connect(self._on_current)

    def add(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        placeholder = QWidget(objectName=f"{self._tabs.objectName()}.{key}.placeholder")
        self._builders[key] = build
        self._slots[key] = placeholder
        self._tabs.addTab(placeholder, title)

    def built(self, key: str) -> bool:
        return key not in self._builders

    def widget(self, key: str) -> QWidget:
        """The tab, built now if it was not yet."""
        if key in self._builders:
            self._build(key)
        return self._slots[key]

    def _on_current(self, index: int) -> None:
        current = self._tabs.widget(index)
        for key, slot in self._slots.items():
            if slot is current and key in self._builders:
                self._build(key)
                return

    def _build(self, key: str) -> None:
        placeholder = self._slots[key]
        index = self._tabs.indexOf(placeholder)
        was_current = self._tabs.currentIndex() == index
        widget = self._builders.pop(key)()
        self._slots[key] = widget
        self._tabs.blockSignals(True)     # the swap is not a change of the chosen tab
        self._tabs.insertTab(index, widget, self._tabs.tabText(index))
        self._tabs.removeTab(index + 1)
        if was_current:
            self._tabs.setCurrentIndex(index)
        self._tabs.blockSignals(False)
        placeholder.deleteLater()
