"""社区与小区: the communities with their 小区/院落 on the left, two small forms on the right to
add a community and a place of one. The resident and volunteer dialogs read the same lists
when they open, so what is added here is offered there next time.

A place's 低洼易涝 box in the tree marks it flood-prone (a 暴雨 warning patrols it); ticking
it saves at once, like the box in the form for a new place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.people import places
from ...services.permissions import Permission, PermissionDenied
from ...services.session import Session
from ..empty_hint import EmptyHint
from ..forms import message_label, say
from ..screen_fit import fit_to_screen

NAME = "places_dialog"
FLOOD_COLUMN = 3


class PlacesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(NAME)
        self.setWindowTitle(self.tr("社区与小区"))
        self.tree = QTreeWidget(objectName=f"{NAME}.tree")
        self.tree.setHeaderLabels([self.tr("社区 / 小区、院落"), self.tr("类型"), self.tr("街道"),
                                   self.tr("低洼易涝")])
        self.tree.setColumnWidth(0, 200)
        self.tree.setMinimumWidth(340)
        self.empty_hint = EmptyHint(self.tree, lambda: self.tr(
            "还没有社区。在右边填社区名称和街道，点“新增社区”；再为它新增小区或院落。"))
        self.message = message_label(NAME)
        close = QPushButton(self.tr("关闭"), objectName=f"{NAME}.close")
        close.clicked.connect(self.accept)
        right = QVBoxLayout()
        right.addWidget(self._community_form())
        right.addWidget(self._place_form())
        right.addWidget(self.message)
        right.addStretch(1)
        right.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addSpacing(12)
        layout.addLayout(right)
        allowed = session.can(Permission.RESIDENT_WRITE)
        for button in (self.add_community_button, self.add_place_button):
            button.setEnabled(allowed)
        self.tree.currentItemChanged.connect(lambda item, _old: self._choose_community(item))
        self.tree.itemChanged.connect(self._on_item_changed)
        self.reload()
        fit_to_screen(self, 760, 460)

    def _community_form(self) -> QGroupBox:
        self.community_name = QLineEdit(objectName=f"{NAME}.community_name")
        self.community_name.setPlaceholderText(self.tr("例如：高立庄社区"))
        self.street = QLineEdit(objectName=f"{NAME}.street")
        self.street.setPlaceholderText(self.tr("例如：花乡街道"))
        self.community_kind = QComboBox(objectName=f"{NAME}.community_kind")
        for kind in places.COMMUNITY_KINDS:
            self.community_kind.addItem(kind, kind)
        self.add_community_button = QPushButton(self.tr("新增社区"), objectName=f"{NAME}.add_community")
        self.add_community_button.clicked.connect(self.add_community)
        self.community_name.returnPressed.connect(self.add_community)
        box = QGroupBox(self.tr("新增社区"))
        form = QFormLayout(box)
        form.addRow(self.tr("名称"), self.community_name)
        form.addRow(self.tr("街道"), self.street)
        form.addRow(self.tr("类型"), self.community_kind)
        form.addRow("", self.add_community_button)
        return box

    def _place_form(self) -> QGroupBox:
        self.place_community = QComboBox(objectName=f"{NAME}.place_community")
        self.place_name = QLineEdit(objectName=f"{NAME}.place_name")
        self.place_name.setPlaceholderText(self.tr("例如：明春苑"))
        self.place_kind = QComboBox(objectName=f"{NAME}.place_kind")
        for kind in places.PLACE_KINDS:
            self.place_kind.addItem(kind, kind)
        self.place_flood_prone = QCheckBox(self.tr("低洼易涝（暴雨预警时巡查）"),
                                           objectName=f"{NAME}.place_flood_prone")
        self.add_place_button = QPushButton(self.tr("新增小区/院落"), objectName=f"{NAME}.add_place")
        self.add_place_button.clicked.connect(self.add_place)
        self.place_name.returnPressed.connect(self.add_place)
        box = QGroupBox(self.tr("新增小区/院落"))
        form = QFormLayout(box)
        form.addRow(self.tr("所属社区"), self.place_community)
        form.addRow(self.tr("名称"), self.place_name)
        form.addRow(self.tr("类型"), self.place_kind)
        form.addRow("", self.place_flood_prone)
        form.addRow("", self.add_place_button)
        return box

    def reload(self, community_id: int | None = None) -> None:
        """The tree and the community choice, read again; ``community_id`` is chosen."""
        self.tree.blockSignals(True)        # filling the boxes is not the user ticking them
        self.tree.clear()
        self.place_community.clear()
        for community in places.communities(self.session):
            item = QTreeWidgetItem([community["name"], community["kind"], community["street"], ""])
            item.setData(0, Qt.ItemDataRole.UserRole, community["id"])
            for place in places.places(self.session, community["id"]):
                item.addChild(self._place_item(place))
            self.tree.addTopLevelItem(item)
            self.place_community.addItem(community["name"], community["id"])
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if community_id is not None:
            self.place_community.setCurrentIndex(self.place_community.findData(community_id))

    def _place_item(self, place: dict) -> QTreeWidgetItem:
        child = QTreeWidgetItem([place["name"], place["kind"], "", ""])
        child.setData(FLOOD_COLUMN, Qt.ItemDataRole.UserRole, place["id"])
        if self.session.can(Permission.RESIDENT_WRITE):
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        child.setCheckState(FLOOD_COLUMN, Qt.CheckState.Checked if place["flood_prone"]
                            else Qt.CheckState.Unchecked)
        return child

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        place_id = item.data(FLOOD_COLUMN, Qt.ItemDataRole.UserRole)
        if column != FLOOD_COLUMN or place_id is None:
            return
        flood_prone = item.checkState(FLOOD_COLUMN) == Qt.CheckState.Checked
        try:
            places.set_flood_prone(self.session, place_id, flood_prone)
        except (places.PlaceError, PermissionDenied) as error:
            self.tree.blockSignals(True)     # nothing was saved: the box shows so
            item.setCheckState(FLOOD_COLUMN, Qt.CheckState.Unchecked if flood_prone else Qt.CheckState.Checked)
            self.tree.blockSignals(False)
            say(self.message, str(error), error=True)
            return
        text = self.tr("已把“{0}”标为低洼易涝。") if flood_prone else self.tr("已取消“{0}”的低洼易涝。")
        say(self.message, text.format(item.text(0)))

    def _choose_community(self, item: QTreeWidgetItem | None) -> None:
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None:
            self.place_community.setCurrentIndex(
                self.place_community.findData(item.data(0, Qt.ItemDataRole.UserRole)))

    def add_community(self) -> int | None:
        try:
            community_id = places.add_community(self.session, self.community_name.text(),
                                                self.street.text(), self.community_kind.currentData())
        except (places.PlaceError, PermissionDenied) as error:
            say(self.message, str(error), error=True)
            return None
        name = self.community_name.text().strip()
        self.community_name.clear()
        self.reload(community_id)
        say(self.message, self.tr("已新增社区“{0}”，可以为它新增小区/院落。").format(name))
        self.place_name.setFocus()
        return community_id

    def add_place(self) -> int | None:
        community_id = self.place_community.currentData()
        if community_id is None:
            say(self.message, self.tr("所属社区为空：请先新增社区。"), error=True)
            return None
        try:
            place_id = places.add_place(self.session, community_id, self.place_name.text(),
                                        self.place_kind.currentData(),
                                        flood_prone=self.place_flood_prone.isChecked())
        except (places.PlaceError, PermissionDenied) as error:
            say(self.message, str(error), error=True)
            return None
        name = self.place_name.text().strip()
        self.place_name.clear()
        self.place_flood_prone.setChecked(False)
        self.reload(community_id)
        say(self.message, self.tr("已新增“{0}”，登记居民时可以选择它。").format(name))
        return place_id
