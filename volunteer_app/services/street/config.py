"""设置 → 街道服务器: where this file publishes to, and the secrets that never enter it.

The address, the user name and the 每分钟自动上报 switch are settings of the file (keys
``street.url``, ``street.user``, ``street.auto``). The server's password and the street's
key (for the volunteers' ID hash) are kept in the system's keyring (Windows 凭据管理器,
the Secret Service on Linux, the macOS Keychain): a copied or backed-up file carries no
credential, and the key never meets the data it hashes in one place.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from ...store.rows import from_json, new_uid, now_text, to_json
from ..permissions import Permission
from ..session import Session

KEYRING_SERVICE = "邻里帮-街道服务器"
KEY_ENTRY = "街道密钥"          # the keyring entry of the street's key (one per PC user)
DEFAULT_PORT = 5432
KEY_MIN_LENGTH = 8
_KEYS = {"url": "street.url", "user": "street.user", "auto_publish": "street.auto"}
_SCHEMES = ("postgresql", "postgres")
_USER_FORBIDDEN = set(" @:/?#\t")
# A role name on the street server: lower-case letters, digits and underscores, one that needs
# no quoting in a URL or SQL.
ROLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


def role_name_problem(role: str) -> str | None:
    """Why the street server would refuse ``role`` as a new account's name (None: it would not)."""
    if ROLE_NAME.fullmatch(role):
        return None
    return f"账号名“{role}”不能用：只能用小写英文字母、数字和下划线，以字母开头，如 huaxiang_gaolizhuang"


class StreetConfigError(ValueError):
    """Refused input or an unusable keyring; one Chinese line naming the field."""


class NoKeyringError(StreetConfigError):
    """This PC has no keyring at all (not merely a locked one): nothing was ever saved there."""


@dataclass(frozen=True)
class StreetConfig:
    url: str = ""                 # postgresql://HOST:PORT/DB, without user or password
    user: str = ""
    auto_publish: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.url and self.user)


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    query: str = ""               # e.g. sslmode=require, passed on as it is

    @property
    def url(self) -> str:
        """The address as saved in the file: no user, no password."""
        return f"postgresql://{self._netloc}/{quote(self.database)}" + (
            f"?{self.query}" if self.query else "")

    def with_user(self, user: str) -> str:
        """The URL to connect with (the password goes separately)."""
        return f"postgresql://{quote(user, safe='')}@{self._netloc}/{quote(self.database)}" + (
            f"?{self.query}" if self.query else "")

    @property
    def _netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


@dataclass(frozen=True)
class ParsedAddress:
    address: ServerAddress
    user: str | None              # a user written in the address, if any
    password: str | None          # a password written in the address: to the keyring, never the file


def parse_address(text: str) -> ParsedAddress:
    """``HOST[:PORT]/DB`` or ``postgresql://[USER[:PW]@]HOST[:PORT]/DB[?…]``, or
    :class:`StreetConfigError` naming 服务器地址 and what is wrong."""
    text = text.strip()
    example = "请填写 主机:端口/数据库（如 192.168.1.10:5432/street），或以 postgresql:// 开头的完整地址。"
    if not text:
        raise StreetConfigError(f"“服务器地址”：还没有填写。{example}")
    written = text if "://" in text else f"postgresql://{text}"
    parts = urlsplit(written)
    if parts.scheme not in _SCHEMES or not parts.hostname or parts.fragment or " " in text:
        raise StreetConfigError(f"“服务器地址”：“{text}”不是街道服务器的地址。{example}")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise StreetConfigError(f"“服务器地址”：“{text}”的端口应为1到65535之间的整数。") from None
    if not 1 <= port <= 65535:
        raise StreetConfigError(f"“服务器地址”：“{text}”的端口应为1到65535之间的整数。")
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise StreetConfigError(f"“服务器地址”：“{text}”缺少数据库名。{example}")
    address = ServerAddress(parts.hostname, port, database, parts.query)
    return ParsedAddress(address, unquote(parts.username) if parts.username else None,
                         unquote(parts.password) if parts.password is not None else None)


def checked_user(user: str) -> str:
    user = user.strip()
    if not user:
        raise StreetConfigError("“用户名”：还没有填写。请填写街道为本社区分配的上报用户名。")
    if _USER_FORBIDDEN & set(user):
        raise StreetConfigError(f"“用户名”：“{user}”不能含空格、@、:、/、? 或 #。")
    return user


def checked(cfg: StreetConfig) -> StreetConfig:
    """``cfg`` as it would be saved (the address in its one written form), or
    :class:`StreetConfigError`. All empty and off is allowed: the file publishes nowhere."""
    if not cfg.url.strip() and not cfg.user.strip():
        if cfg.auto_publish:
            raise StreetConfigError("“服务器地址”：要每分钟自动上报，请先填写街道服务器的地址和用户名。")
        return StreetConfig()
    parsed = parse_address(cfg.url)
    user = checked_user(cfg.user or parsed.user or "")
    return StreetConfig(parsed.address.url, user, bool(cfg.auto_publish))


def connect_url(cfg: StreetConfig) -> str:
    """The URL ``publish`` connects with: the saved address and the user."""
    return parse_address(cfg.url).address.with_user(cfg.user)


# -- the settings table ---------------------------------------------------------------------------
def load(session: Session) -> StreetConfig:
    rows = session.db.execute(
        "SELECT key, value FROM settings WHERE key IN (?, ?, ?)", list(_KEYS.values())).fetchall()
    values = {key: from_json(value) for key, value in rows}
    return StreetConfig(url=str(values.get("street.url") or ""),
                        user=str(values.get("street.user") or ""),
                        auto_publish=bool(values.get("street.auto") or False))


def save(session: Session, cfg: StreetConfig) -> StreetConfig:
    """Check, then save the three settings in one transaction with one audit entry."""
    session.require(Permission.SETTINGS)
    cfg = checked(cfg)
    before = load(session)
    if cfg == before:
        return cfg
    now = now_text()
    with session.write("settings"):
        for field, key in _KEYS.items():
            session.db.execute(
                "INSERT INTO settings (uid, key, value, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                [new_uid(), key, to_json(getattr(cfg, field)), now])
        session.audit("修改街道服务器设置", "settings", None, _shown(before), _shown(cfg))
    return cfg


def save_with_secrets(session: Session, cfg: StreetConfig, pw: str = "", key: str = "") -> StreetConfig:
    """设置's 保存: every field checked before anything is kept; the password (typed, or written
    in the address) and the street's key to the keyring, the rest to the file. An empty
    password or key keeps the one saved before."""
    session.require(Permission.SETTINGS)
    written = parse_address(cfg.url).password if cfg.url.strip() else None
    cfg = checked(cfg)
    if key.strip():
        checked_key(key)
    pw = pw or written or ""
    if cfg.configured and pw:
        set_password(cfg.url, cfg.user, pw)
    if key.strip():
        set_street_key(key)
    return save(session, cfg)


def _shown(cfg: StreetConfig) -> dict:
    return {"street.url": cfg.url, "street.user": cfg.user, "street.auto": cfg.auto_publish}


# -- the keyring -----------------------------------------------------------------------------------
def _entry(url: str, user: str) -> str:
    """One keyring entry per user and server, however the address was written."""
    address = parse_address(url).address
    return f"{checked_user(user)}@{address.host}:{address.port}/{address.database}"


def password(url: str, user: str) -> str | None:
    """The saved password of ``user`` on the server at ``url``, or None."""
    return _keyring_call("get_password", KEYRING_SERVICE, _entry(url, user))


def set_password(url: str, user: str, pw: str) -> None:
    """Save the password (an empty one removes the saved one)."""
    entry = _entry(url, user)
    if pw:
        _keyring_call("set_password", KEYRING_SERVICE, entry, pw)
    else:
        _forget(entry)


def street_key() -> bytes | None:
    """The street's key for the volunteers' ID hash, or None when none was saved."""
    key = _keyring_call("get_password", KEYRING_SERVICE, KEY_ENTRY)
    return key.encode("utf-8") if key else None


def checked_key(key: str) -> str:
    key = key.strip()
    if len(key) < KEY_MIN_LENGTH:
        raise StreetConfigError(f"“街道密钥”：至少{KEY_MIN_LENGTH}个字符（由街道统一下发，各社区填同一个）。")
    return key


def set_street_key(key: str) -> None:
    """Save the street's key (an empty one removes it: volunteers are then sent without hash)."""
    if key.strip():
        _keyring_call("set_password", KEYRING_SERVICE, KEY_ENTRY, checked_key(key))
    else:
        _forget(KEY_ENTRY)


def _forget(entry: str) -> None:
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):      # nothing saved: nothing to forget
        _keyring_call("delete_password", KEYRING_SERVICE, entry)


def _keyring_call(name: str, *args: str):
    # imported here: the window's start-up reads the settings above, never the keyring
    import keyring
    from keyring import errors

    try:
        return getattr(keyring, name)(*args)
    except errors.NoKeyringError:
        raise NoKeyringError(
            "这台电脑没有可用的系统密码库（钥匙串），无法保存街道服务器的密码和街道密钥。"
            "Windows 自带凭据管理器；Linux 请安装并解锁 gnome-keyring 或 KWallet。") from None
    except errors.PasswordDeleteError:
        raise
    except errors.KeyringError as error:
        raise StreetConfigError(f"系统密码库（钥匙串）拒绝了操作：{error}。请解锁后重试。") from None
