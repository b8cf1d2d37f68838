#!/bin/sh
# What Qt and the tests need from the operating system, installed when missing.
#   system_deps.sh run   the window: a CJK font, Qt's xcb libraries
#   system_deps.sh test  the tests: a CJK font, poppler-utils (pdftotext, pdftoppm), PostgreSQL's
#                        server programs (the street tests start a throw-away server)
#   system_deps.sh street  a street office's own PostgreSQL server on Debian
# On Debian/Ubuntu as root (or with sudo) missing packages are installed with apt-get;
# elsewhere the script names what is missing and how to get it.
set -u
purpose=${1:-run}
missing=""

have_cjk_font() { fc-list :lang=zh 2>/dev/null | grep -q . ; }
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1" ; }
# Debian's postgresql package puts the server's programs in /usr/lib/postgresql/<major>/bin
# (not on PATH) and creates the `postgres` user that runs them when we are root.
have_pg_server() { ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 ; }

case "$(uname -s)" in
  Linux) ;;
  *) exit 0 ;;   # Windows and macOS ship CJK fonts and Qt's platform libraries.
esac

if [ "$purpose" != street ]; then   # a street server needs no screen fonts
  command -v fc-list >/dev/null 2>&1 || missing="$missing fontconfig"
  have_cjk_font || missing="$missing fonts-wqy-microhei"
fi
if [ "$purpose" = street ]; then
  have_pg_server || missing="$missing postgresql"
elif [ "$purpose" = test ]; then
  command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
  have_pg_server || missing="$missing postgresql"
else
  for lib in libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
             libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
             libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0 \
             libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1 \
             libdbus-1.so.3:libdbus-1-3; do
    have_lib "${lib%%:*}" || missing="$missing ${lib##*:}"
  done
fi
[ -z "$missing" ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" != none ]; then
    echo "邻里帮：安装缺少的系统软件包：$missing"
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null \
      && exit 0
  fi
fi
echo "邻里帮：缺少系统软件包：$missing 。请用系统的软件包管理器安装（Debian/Ubuntu：sudo apt-get install$missing）后重试。" >&2
exit 1
